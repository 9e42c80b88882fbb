import { loadOutcome, type Outcome } from '../shop/order.functions'
import { formatMoney, formatNumber } from '../shop/money'
import type { Shop } from '../shop/store.functions'
import { reasonsText } from '../ui/Approvals'
import { Go } from '../ui/Go'
import { t } from '../ui/i18n'

type Open = Extract<Shop, { kind: 'open' }>

export function confirmedLoader(shop: Shop) {
  if (shop.kind !== 'open') return null
  return loadOutcome({ data: { storeId: shop.store.id } })
}

/** The end of a checkout: the order placed, or the request that waits for a company admin. */
export function Confirmed({ shop, order }: { shop: Open; order: Outcome | null }) {
  if (order?.kind === 'awaiting') {
    return (
      <main className="page" data-testid="awaiting-approval" data-request={order.requestId}>
        <h1>{t(shop.lang, 'Waiting for approval')}</h1>
        <p>
          {t(shop.lang, 'Your order of {m} is waiting for your company admin to approve it ({r}). It is placed as soon as they do.', {
            m: formatMoney(order.total, order.currencyCode, shop.lang),
            r: reasonsText(shop.lang, order.reasons),
          })}
        </p>
        <p className="muted">{t(shop.lang, 'Request {id}', { id: order.requestId })}</p>
        <p>
          <Go href={`${shop.base}/account`}>{t(shop.lang, 'Your account')}</Go> · <Go href={`${shop.base}/`}>{t(shop.lang, 'Continue shopping')}</Go>
        </p>
      </main>
    )
  }
  return (
    <main className="page" data-testid="confirmation">
      <h1>{t(shop.lang, 'Thank you!')}</h1>
      {order ? (
        <>
          <p data-testid="order-number" data-number={order.displayID}>
            {t(shop.lang, 'Order #{n} is placed.', { n: formatNumber(order.displayID, shop.lang) })}
          </p>
          <p>
            {t(shop.lang, 'Total')}: {formatMoney(order.total, order.currencyCode, shop.lang)}
          </p>
        </>
      ) : null}
      <Go href={`${shop.base}/`}>{t(shop.lang, 'Continue shopping')}</Go>
    </main>
  )
}
