import { useState } from 'react'
import { changeLine, loadCart, type Cart } from '../shop/cart.functions'
import type { ErrorPayload } from '../shop/errors'
import { formatMoney } from '../shop/money'
import type { Shop } from '../shop/store.functions'
import { ErrorNote } from '../ui/ErrorNote'
import { Go } from '../ui/Go'
import { t } from '../ui/i18n'
import { Totals } from '../ui/Totals'
import { whereOf } from '../shop/where'

type Open = Extract<Shop, { kind: 'open' }>

export function cartLoader(shop: Shop) {
  if (shop.kind !== 'open') return null
  return loadCart({ data: whereOf(shop) })
}

export function CartPage({ shop, initial }: { shop: Open; initial: Cart | null }) {
  const [cart, setCart] = useState(initial)
  const [error, setError] = useState<ErrorPayload | null>(null)
  const [busy, setBusy] = useState(false)
  const change = async (lineItemId: string, quantity: number) => {
    setBusy(true)
    try {
      const r = await changeLine({ data: { ...whereOf(shop), lineItemId, quantity } })
      setCart(r.cart)
      setError(r.error ?? null)
    } finally {
      setBusy(false)
    }
  }
  if (!cart || cart.items.length === 0) {
    return (
      <main className="page">
        <h1>{t(shop.lang, 'Cart')}</h1>
        <p data-testid="empty-cart">{t(shop.lang, 'Your cart is empty.')}</p>
        <Go href={`${shop.base}/`}>{t(shop.lang, 'Continue shopping')}</Go>
      </main>
    )
  }
  return (
    <main className="page cart" data-testid="cart-page">
      <h1>{t(shop.lang, 'Cart')}</h1>
      <ErrorNote error={error} />
      <table className="lines">
        <tbody>
          {cart.items.map((l) => (
            <tr key={`${l.id}:${l.quantity}`} data-sku={l.sku}>
              <td>
                <Go href={`${shop.base}/products/${l.variant.product.handle}`}>{l.title}</Go>
                <div className="muted">{l.sku}</div>
              </td>
              <td>{formatMoney(l.unitPrice, cart.currencyCode, shop.lang)}</td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={1000}
                  defaultValue={l.quantity}
                  aria-label={t(shop.lang, 'Quantity')}
                  disabled={busy}
                  onBlur={(e) => {
                    const q = Math.trunc(Number(e.target.value))
                    if (Number.isFinite(q) && q !== l.quantity) void change(l.id, q)
                  }}
                />
              </td>
              <td>{formatMoney(l.total, cart.currencyCode, shop.lang)}</td>
              <td>
                <button type="button" className="link" disabled={busy} onClick={() => void change(l.id, 0)}>
                  {t(shop.lang, 'Remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Totals cart={cart} lang={shop.lang} />
      <Go className="button primary" href={`${shop.base}/checkout`} data-testid="to-checkout">
        {t(shop.lang, 'Checkout')}
      </Go>
    </main>
  )
}
