import { useState } from 'react'
import type { ErrorPayload } from '../shop/errors'
import { formatMoney, formatNumber } from '../shop/money'
import { loadOrders, type OrdersPage } from '../shop/orders.functions'
import type { Lang } from '../shop/store.functions'
import type { Where } from '../shop/where'
import { ErrorNote } from './ErrorNote'
import { t } from './i18n'

/** The customer's orders, newest first, a page at a time ("Show more" asks for the next). */
export function OrderHistory({ at, lang, first }: { at: Where; lang: Lang; first: OrdersPage }) {
  const [orders, setOrders] = useState(first.orders)
  const [next, setNext] = useState(first.next)
  const [error, setError] = useState<ErrorPayload | null>(first.error ?? null)
  const [busy, setBusy] = useState(false)
  const more = async () => {
    if (!next) return
    setBusy(true)
    try {
      const r = await loadOrders({ data: { ...at, after: next } })
      setError(r.error ?? null)
      if (!r.error) {
        setOrders((xs) => [...xs, ...r.orders.filter((o) => !xs.some((x) => x.id === o.id))])
        setNext(r.next)
      }
    } finally {
      setBusy(false)
    }
  }
  const date = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
  return (
    <section data-testid="orders" data-total={first.totalCount}>
      <h2>{t(lang, 'Orders')}</h2>
      <ErrorNote error={error} />
      {orders.length === 0 ? (
        <p className="muted">{t(lang, 'No orders yet.')}</p>
      ) : (
        <table className="lines">
          <thead>
            <tr>
              <th>{t(lang, 'Order')}</th>
              <th>{t(lang, 'Date')}</th>
              <th>{t(lang, 'Status')}</th>
              <th>{t(lang, 'Total')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} data-order={o.displayID}>
                <td>#{formatNumber(o.displayID, lang)}</td>
                <td>{date.format(new Date(o.createdAt))}</td>
                <td>{t(lang, o.status)}</td>
                <td>{formatMoney(o.total, o.currencyCode, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? (
        <button type="button" disabled={busy} onClick={() => void more()} data-testid="more-orders">
          {t(lang, 'Show more')}
        </button>
      ) : null}
    </section>
  )
}
