// How a page's URL names its store. A store addressed by host (its subdomain or a custom
// domain) lives at the site's root; one addressed by path lives under /stores/{label}
// (the platform site's /stores/{subdomain}, or a tenant site's /stores/{handle}). The
// rest of the storefront links relative to that base, so the same pages serve both.

const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/

/** storeBase is "/stores/{label}" for a path address, "" otherwise. */
export function storeBase(pathname: string): string {
  const m = /^\/stores\/([^/?#]+)/i.exec(pathname)
  if (!m) return ''
  const l = m[1]!.toLowerCase()
  return label.test(l) ? `/stores/${l}` : ''
}

/** hostname drops the port and lower-cases. */
export function hostname(host: string): string {
  return host.replace(/:\d+$/, '').toLowerCase()
}

/** isPlatformSite: the bare platform domain or its www, where the directory lives. */
export function isPlatformSite(host: string, platformDomain: string): boolean {
  const h = hostname(host)
  return h === platformDomain || h === `www.${platformDomain}`
}
