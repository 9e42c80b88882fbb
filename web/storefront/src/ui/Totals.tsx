import type { Cart } from '../shop/cart.functions'
import { formatMoney } from '../shop/money'
import type { Lang } from '../shop/store.functions'
import { t } from './i18n'

/** Totals are the server's: the storefront never adds prices up itself. */
export function Totals({ cart, lang }: { cart: Cart; lang: Lang }) {
  const m = (n: number) => formatMoney(n, cart.currencyCode, lang)
  return (
    <dl className="totals" data-testid="totals">
      <div>
        <dt>{t(lang, 'Subtotal')}</dt>
        <dd>{m(cart.subtotal)}</dd>
      </div>
      <div>
        <dt>{t(lang, 'Shipping')}</dt>
        <dd>{cart.shippingMethod ? m(cart.shippingTotal) : '—'}</dd>
      </div>
      <div>
        <dt>{t(lang, 'Tax')}</dt>
        <dd>{m(cart.taxTotal)}</dd>
      </div>
      <div className="grand">
        <dt>{t(lang, 'Total')}</dt>
        <dd data-testid="total">{m(cart.total)}</dd>
      </div>
    </dl>
  )
}
