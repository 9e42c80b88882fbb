import type { Shop } from '../shop/store.functions'

const pages = {
  MAINTENANCE: { title: 'Back soon', body: 'This store is being updated. Please come back in a little while.' },
  TENANT_SUSPENDED: { title: 'Temporarily unavailable', body: 'This store cannot take orders right now.' },
  INACTIVE: { title: 'Store closed', body: 'This store is not open.' },
  TENANT_INACTIVE: { title: 'Store closed', body: 'This store is not open.' },
  NOT_FOUND: { title: 'No store here', body: 'There is no store at this address.' },
  ACTIVE: { title: '', body: '' },
} as const

/** The page of a store that cannot sell: its name and theme when it has one, and why, in general words. */
export function ClosedStore({ shop }: { shop: Extract<Shop, { kind: 'closed' }> }) {
  const p = pages[shop.status]
  return (
    <main className="page closed" data-testid={`store-${shop.status.toLowerCase()}`}>
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      <p>
        <a href={`${shop.site}/stores`}>See all stores</a>
      </p>
    </main>
  )
}
