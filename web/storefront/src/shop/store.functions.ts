import { createServerFn } from '@tanstack/react-start'
import { getCookie, getRequestProtocol, setCookie, setResponseHeader, setResponseStatus } from '@tanstack/react-start/server'
import { graphql } from '../gql'
import type { ResolutionStatus } from '../gql/graphql'
import { gql } from '../server/api.server'
import { memo } from '../server/memo.server'
import { addressFor, callOptions, cookieNames, platformDomain, secureCookies, trustProxy } from '../server/request.server'
import { readSession } from '../server/session.server'
import { isPlatformSite, storeBase } from './address'
import { customerOf, type Customer } from './session'
import type { Theme } from './theme'

const ResolveStore = graphql(`
  query ResolveStore($host: String!, $path: String, $hint: String) {
    resolveStore(host: $host, path: $path, hint: $hint) {
      strategy
      status
      store {
        id
        name
        handle
        subdomain
        storefrontType
        themeConfig { colors { primary secondary accent } fonts { heading body } logo favicon }
      }
      tenant { id name }
    }
  }
`)

const Regions = graphql(`
  query Regions {
    regions { id name currencyCode }
  }
`)

export type Lang = 'en' | 'ar'
export type Region = { id: string; name: string; currencyCode: string }
export type StoreFace = {
  id: string
  name: string
  handle: string
  subdomain?: string | null
  storefrontType: string
  theme: Theme | null
  tenantId: string
  tenantName: string
}

/** What every page knows: the store the request is for (if any), the shopper's language and region. */
export type Shop = { lang: Lang; site: string } & (
  | { kind: 'open'; base: string; store: StoreFace; regions: Region[]; region: Region | null; customer: Customer | null }
  | { kind: 'closed'; base: string; status: ResolutionStatus; store: StoreFace | null }
  | { kind: 'platform' }
)

/** HTTP statuses of the pages a store that cannot sell shows. */
export const closedStatus: Record<ResolutionStatus, number> = {
  ACTIVE: 200,
  MAINTENANCE: 503,
  TENANT_SUSPENDED: 503,
  INACTIVE: 404,
  TENANT_INACTIVE: 404,
  NOT_FOUND: 404,
}

export const loadShop = createServerFn({ method: 'GET' })
  .validator((d: { pathname: string }) => ({ pathname: String(d.pathname) }))
  .handler(async ({ data }): Promise<Shop> => {
    // Pages carry the shopper's cart and account: no shared cache may keep them.
    setResponseHeader('Cache-Control', 'private, no-store')
    const lang: Lang = getCookie(cookieNames.lang) === 'ar' ? 'ar' : 'en'
    const base = storeBase(data.pathname)
    const addr = addressFor(base)
    // The platform site's origin, for links that must leave a store's host (the directory).
    const port = /:(\d+)$/.exec(addr.host)?.[1]
    const site = `${getRequestProtocol({ xForwardedProto: trustProxy })}://${platformDomain}${port ? `:${port}` : ''}`
    const onPlatformRoot = !base && isPlatformSite(addr.host, platformDomain)
    if (onPlatformRoot && (data.pathname === '/stores' || data.pathname.startsWith('/admin'))) return { kind: 'platform', lang, site }
    const { resolveStore: r } = await memo(`resolve ${addr.host} ${addr.path} ${addr.hint}`, () =>
      gql(ResolveStore, { host: addr.host, path: addr.path, hint: addr.hint || null }),
    )
    if (r.status === 'NOT_FOUND' && onPlatformRoot) return { kind: 'platform', lang, site }
    const store: StoreFace | null = r.store
      ? {
          id: r.store.id,
          name: r.store.name,
          handle: r.store.handle,
          subdomain: r.store.subdomain,
          storefrontType: r.store.storefrontType,
          theme: r.store.themeConfig ?? null,
          tenantId: r.tenant?.id ?? '',
          tenantName: r.tenant?.name ?? '',
        }
      : null
    if (r.status !== 'ACTIVE' || !store) {
      setResponseStatus(closedStatus[r.status])
      if (r.status === 'MAINTENANCE') setResponseHeader('Retry-After', '600')
      return { kind: 'closed', base, status: r.status, store, lang, site }
    }
    // A store found by its path on the platform site becomes the shopper's store there.
    if (base && r.strategy === 'PATH' && store.subdomain && isPlatformSite(addr.host, platformDomain)) {
      setCookie(cookieNames.store, store.subdomain, { path: '/', sameSite: 'lax', httpOnly: true, secure: secureCookies, maxAge: 60 * 60 * 24 * 30 })
    }
    const { regions } = await memo(`regions ${store.id}`, () => gql(Regions, {}, callOptions(base)))
    const chosen = getCookie(cookieNames.region)
    const region = regions.find((x) => x.id === chosen) ?? regions[0] ?? null
    // Who is signed in, as the session cookie says (the tokens stay on the server).
    const customer = customerOf(readSession(store.tenantId))
    return { kind: 'open', base, store, regions, region, customer, lang, site }
  })

/** setPreference keeps the shopper's language or region in a cookie. */
export const setPreference = createServerFn({ method: 'POST' })
  .validator((d: { name: 'lang' | 'region'; value: string }) => {
    if (d.name !== 'lang' && d.name !== 'region') throw new Error('unknown preference')
    return { name: d.name, value: String(d.value).slice(0, 64) }
  })
  .handler(async ({ data }) => {
    setCookie(cookieNames[data.name], data.value, { path: '/', sameSite: 'lax', secure: secureCookies, maxAge: 60 * 60 * 24 * 365 })
    return true
  })
