import { getCookie, getRequestHost, getRequestIP } from '@tanstack/react-start/server'
import { isPlatformSite } from '../shop/address'
import type { CallOptions, StoreAddress } from './api.server'

// What a server function knows of the shopper's request. The host comes from the request
// itself (the browser's Host header, or X-Forwarded-Host behind a proxy that is trusted
// with STOREFRONT_TRUST_PROXY=true), never from the page's arguments: a page cannot ask
// for another host's store.

export const platformDomain = (process.env.CITYOS_PLATFORM_DOMAIN ?? 'localhost').toLowerCase()
export const trustProxy = process.env.STOREFRONT_TRUST_PROXY === 'true'

export const cookieNames = { store: 'current_store', lang: 'lang', region: 'region', session: 'session' } as const

export function requestHost(): string {
  return getRequestHost({ xForwardedHost: trustProxy })
}

/** addressFor names the store of a page whose base is "/stores/{label}" or "". */
export function addressFor(base: string): StoreAddress {
  const host = requestHost()
  // The cookie only speaks on the platform's own site: a store's host always wins.
  const hint = !base && isPlatformSite(host, platformDomain) ? (getCookie(cookieNames.store) ?? '') : ''
  return { host, path: base || '/', hint }
}

export function callOptions(base: string, token?: string): CallOptions {
  return { store: addressFor(base), token, clientIP: getRequestIP({ xForwardedFor: trustProxy }) }
}

export const secureCookies = process.env.STOREFRONT_SECURE_COOKIES === 'true'
