import type { Shop } from './store.functions'

// What a page tells a server function about where it is: its store base (for the API's
// store resolution), the store (its cart cookie) and the store's tenant (its customer
// session). The server still resolves the store from the request's own host.
export type Where = { base: string; storeId: string; tenantId: string }

export const where = (d: Where): Where => ({ base: String(d.base), storeId: String(d.storeId), tenantId: String(d.tenantId) })

export function whereOf(shop: Extract<Shop, { kind: 'open' }>): Where {
  return { base: shop.base, storeId: shop.store.id, tenantId: shop.store.tenantId }
}
