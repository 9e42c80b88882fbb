import { loadPlacedOrder, type PlacedOrder } from '../shop/checkout.functions'
import { formatMoney, formatNumber } from '../shop/money'
import type { Shop } from '../shop/store.functions'
import { Go } from '../ui/Go'
import { t } from '../ui/i18n'

type Open = Extract<Shop, { kind: 'open' }>

export function confirmedLoader(shop: Shop) {
  if (shop.kind !== 'open') return null
  return loadPlacedOrder({ data: { storeId: shop.store.id } })
}

export function Confirmed({ shop, order }: { shop: Open; order: PlacedOrder | null }) {
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
