// A signed-in customer's session as the storefront server keeps it: in an httpOnly
// cookie of the storefront's origin, one per tenant (customer accounts are per tenant),
// never in a page. The name and e-mail ride along so the header needs no API call.

export type Session = { access: string; refresh: string; expiresAt: string; name: string; email: string }

/** What a page may know of the session: who is signed in, never the tokens. */
export type Customer = { name: string; email: string }

/** An access token this close to its expiry is refreshed before use. */
export const refreshMargin = 30_000

export function sessionCookie(tenantId: string): string {
  return `customer_${tenantId.replace(/[^A-Za-z0-9]/g, '')}`
}

/** parseSession reads the cookie's value; anything malformed is no session. */
export function parseSession(raw: string | undefined): Session | null {
  if (!raw) return null
  try {
    const s = JSON.parse(raw) as Partial<Session>
    const str = (v: unknown) => typeof v === 'string'
    if (!str(s.access) || !str(s.refresh) || !str(s.expiresAt) || !s.access || !s.refresh) return null
    return { access: s.access!, refresh: s.refresh!, expiresAt: s.expiresAt!, name: str(s.name) ? s.name! : '', email: str(s.email) ? s.email! : '' }
  } catch {
    return null
  }
}

/** needsRefresh: the access token has expired, is about to, or its expiry cannot be read. */
export function needsRefresh(s: Session, now: number): boolean {
  const at = Date.parse(s.expiresAt)
  return !Number.isFinite(at) || at - refreshMargin <= now
}

export function customerOf(s: Session | null): Customer | null {
  return s ? { name: s.name, email: s.email } : null
}

/** displayName is the customer's name, or the part of the e-mail before the @ (B2B buyers often have no name). */
export function displayName(c: Customer): string {
  return c.name.trim() || c.email.split('@')[0] || c.email
}
