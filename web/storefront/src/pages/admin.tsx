import { createClient, type Client } from 'graphql-ws'
import { useEffect, useState, type FormEvent } from 'react'
import { graphql } from '../gql'
import type { OrderFeedSubscription } from '../gql/graphql'
import { staffSignIn, type StaffSession } from '../shop/admin.functions'
import type { ErrorPayload } from '../shop/errors'
import { formatMoney } from '../shop/money'
import { ErrorNote } from '../ui/ErrorNote'

const OrderFeed = graphql(`
  subscription OrderFeed($storeId: ID) {
    orderEvents(storeId: $storeId) {
      id
      type
      occurredAt
      sequence
      order { id displayID email total currencyCode paymentStatus fulfillmentStatus }
    }
  }
`)

type Event = OrderFeedSubscription['orderEvents']
type Live = 'connecting' | 'live' | 'closed'

/** The staff live view: sign in, pick a store, watch its orders arrive. */
export function AdminPage() {
  const [session, setSession] = useState<StaffSession | null>(null)
  const [error, setError] = useState<ErrorPayload | null>(null)
  const [storeId, setStoreId] = useState('')
  const signIn = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const r = await staffSignIn({ data: { email: String(f.get('email')), password: String(f.get('password')) } })
    setError(r.error ?? null)
    if (r.session) {
      setSession(r.session)
      setStoreId(r.session.stores[0]?.id ?? '')
    }
  }
  if (!session) {
    return (
      <main className="page" data-testid="admin-sign-in">
        <h1>Staff sign-in</h1>
        <ErrorNote error={error} />
        <form onSubmit={(e) => void signIn(e)} className="address">
          <label>
            Email
            <input name="email" type="email" required autoComplete="username" />
          </label>
          <label>
            Password
            <input name="password" type="password" required autoComplete="current-password" />
          </label>
          <button type="submit">Sign in</button>
        </form>
      </main>
    )
  }
  return (
    <main className="page" data-testid="admin-live">
      <h1>Orders, live</h1>
      <p className="muted">Signed in as {session.email}</p>
      <label>
        Store{' '}
        <select value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="admin-store">
          {session.stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.tenant})
            </option>
          ))}
        </select>
      </label>
      {storeId ? <Feed key={storeId} session={session} storeId={storeId} /> : null}
    </main>
  )
}

function Feed({ session, storeId }: { session: StaffSession; storeId: string }) {
  const [events, setEvents] = useState<Event[]>([])
  const [live, setLive] = useState<Live>('connecting')
  useEffect(() => {
    const client: Client = createClient({
      url: session.wsURL,
      connectionParams: { Authorization: `Bearer ${session.token}` },
      on: { connected: () => setLive('live'), closed: () => setLive('closed') },
    })
    const stop = client.subscribe(
      { query: OrderFeed.toString(), variables: { storeId } },
      {
        next: (r) => {
          const ev = (r.data as OrderFeedSubscription | undefined)?.orderEvents
          // The same event may arrive twice (at-least-once): its id keeps it once.
          if (ev) setEvents((xs) => (xs.some((x) => x.id === ev.id) ? xs : [ev, ...xs].slice(0, 100)))
        },
        error: () => setLive('closed'),
        complete: () => setLive('closed'),
      },
    )
    return () => {
      stop()
      void client.dispose()
    }
  }, [session, storeId])
  return (
    <section>
      <p data-testid="live-status" data-state={live}>
        {live === 'live' ? '● live' : live === 'connecting' ? 'connecting…' : 'disconnected'}
      </p>
      <ul className="feed" data-testid="feed">
        {events.map((e) => (
          <li key={e.id} data-type={e.type} data-order={e.order?.displayID}>
            <strong>{e.type}</strong> · order #{e.order?.displayID ?? '?'} · {e.order ? formatMoney(e.order.total, e.order.currencyCode, 'en') : ''} · {e.order?.email ?? ''} ·{' '}
            {new Date(e.occurredAt).toLocaleTimeString()}
          </li>
        ))}
      </ul>
    </section>
  )
}
