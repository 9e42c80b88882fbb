import { loadShop, type Shop } from './store.functions'
import { storeBase } from './address'

// The store a page is for is resolved on the server for every document request. In the
// browser it stays the same while the shopper moves within one base, so client-side
// navigations reuse it instead of asking again.
let cached: { base: string; shop: Promise<Shop> } | null = null

export function shopFor(pathname: string): Promise<Shop> {
  if (typeof window === 'undefined') return loadShop({ data: { pathname } })
  const base = storeBase(pathname)
  const platformPage = pathname === '/stores' || pathname.startsWith('/admin')
  const key = platformPage ? `platform:${pathname}` : base
  if (!cached || cached.base !== key) {
    const shop = loadShop({ data: { pathname } })
    shop.catch(() => (cached = null))
    cached = { base: key, shop }
  }
  return cached.shop
}

/** forgetShop drops the cached store, after a change of language or region. */
export function forgetShop() {
  cached = null
}
