import { deleteCookie, getCookie, setCookie } from '@tanstack/react-start/server'
import { graphql } from '../gql'
import { ApiError } from '../shop/errors'
import { needsRefresh, parseSession, sessionCookie, type Session } from '../shop/session'
import { gql, type CallOptions } from './api.server'
import { callOptions, secureCookies } from './request.server'

// The customer's tokens live in an httpOnly cookie per tenant; server functions attach
// them as a Bearer token. An expired access token is exchanged with refreshToken first
// (or after the API answers UNAUTHENTICATED); a refresh that fails ends the session.

const Refresh = graphql(`
  mutation RefreshSession($token: String!) {
    refreshToken(token: $token) { accessToken refreshToken expiresAt user { email name } }
  }
`)

export type Auth = { accessToken: string; refreshToken: string; expiresAt: string; user: { email: string; name: string } }

/** Where a server function acts: the page's store base, and the store's tenant (whose session it uses). */
export type Scope = { base: string; tenantId: string }

export function readSession(tenantId: string): Session | null {
  return parseSession(getCookie(sessionCookie(tenantId)))
}

export function keepSession(tenantId: string, a: Auth): Session {
  const s: Session = { access: a.accessToken, refresh: a.refreshToken, expiresAt: a.expiresAt, name: a.user.name, email: a.user.email }
  // The refresh token outlives the access token: the cookie lasts as long as a session may.
  setCookie(sessionCookie(tenantId), JSON.stringify(s), { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 60 * 60 * 24 * 30 })
  return s
}

export function dropSession(tenantId: string) {
  deleteCookie(sessionCookie(tenantId), { path: '/' })
}

/** refresh exchanges the session's refresh token; null (and no cookie) when the API refuses it. */
async function refresh(scope: Scope, s: Session): Promise<Session | null> {
  try {
    const { refreshToken } = await gql(Refresh, { token: s.refresh }, callOptions(scope.base))
    return keepSession(scope.tenantId, refreshToken)
  } catch (e) {
    // Only a refusal ends the session; an API that cannot be reached leaves it for later.
    if (e instanceof ApiError && e.code !== 'UNAVAILABLE' && e.code !== 'RATE_LIMITED') dropSession(scope.tenantId)
    return null
  }
}

/** freshSession is the signed-in customer's session with a usable access token, or null. */
export async function freshSession(scope: Scope): Promise<Session | null> {
  const s = readSession(scope.tenantId)
  if (!s) return null
  return needsRefresh(s, Date.now()) ? refresh(scope, s) : s
}

/**
 * asShopper runs fn with the request's call options: the customer's token when one is
 * signed in. When the API says the token is no longer good, it refreshes once and retries.
 */
export async function asShopper<T>(scope: Scope, fn: (opts: CallOptions) => Promise<T>): Promise<T> {
  const s = await freshSession(scope)
  try {
    return await fn(callOptions(scope.base, s?.access))
  } catch (e) {
    if (!s || !(e instanceof ApiError) || e.code !== 'UNAUTHENTICATED') throw e
    const again = await refresh(scope, s)
    if (!again) throw e
    return fn(callOptions(scope.base, again.access))
  }
}

/** asCustomer is asShopper for what needs a signed-in customer: UNAUTHENTICATED without one. */
export async function asCustomer<T>(scope: Scope, fn: (opts: CallOptions) => Promise<T>): Promise<T> {
  if (!readSession(scope.tenantId)) throw new ApiError({ code: 'UNAUTHENTICATED', message: 'Please sign in.' })
  return asShopper(scope, async (opts) => {
    if (!opts.token) throw new ApiError({ code: 'UNAUTHENTICATED', message: 'Please sign in again.' })
    return fn(opts)
  })
}
