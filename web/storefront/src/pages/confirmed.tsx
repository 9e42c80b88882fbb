import { loadOutcome, type Outcome } from '../shop/order.functions'
import { formatMoney, formatNumber } from '../shop/money'
import type { Shop } from '../shop/store.functions'
import { Go } from '../ui/Go'
import { t } from '../ui/i18n'

type Open = Extract<Shop, { kind: 'open' }>

export function confirmedLoader(shop: Shop) {
  if (shop.kind !== 'open') return null
  return loadOutcome({ data: { storeId: shop.store.id } })
}

/** The end of a checkout: the order placed. */
export function Confirmed({ shop, order }: { shop: Open; order: Outcome | null }) {
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
