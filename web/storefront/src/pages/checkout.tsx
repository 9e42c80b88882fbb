import { useRouter } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import type { Cart } from '../shop/cart.functions'
import { chooseShipping, loadCheckout, saveDetails, type CheckoutData, type ShippingOption } from '../shop/checkout.functions'
import type { ErrorPayload } from '../shop/errors'
import { formatMoney } from '../shop/money'
import { openCardPayment, placeOrder } from '../shop/order.functions'
import type { Shop } from '../shop/store.functions'
import { whereOf } from '../shop/where'
import { AddressFields, formOf, type AddressForm } from '../ui/AddressFields'
import { oneLine } from '../ui/Addresses'
import { BuyerCard } from '../ui/BuyerCard'
import { CardPayment } from '../ui/CardPayment'
import { ErrorNote } from '../ui/ErrorNote'
import { Go } from '../ui/Go'
import { t } from '../ui/i18n'
import { Totals } from '../ui/Totals'

type Open = Extract<Shop, { kind: 'open' }>
export type { CheckoutData }

export function checkoutLoader(shop: Shop) {
  if (shop.kind !== 'open') return null
  return loadCheckout({ data: { ...whereOf(shop), b2b: shop.store.storefrontType === 'b2b' } })
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`
}

export function CheckoutPage({ shop, initial }: { shop: Open; initial: CheckoutData }) {
  const router = useRouter()
  const at = whereOf(shop)
  const customer = initial.customer
  const [cart, setCart] = useState<Cart | null>(initial.cart)
  const [options, setOptions] = useState<ShippingOption[]>(initial.options)
  const [error, setError] = useState<ErrorPayload | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per attempt: resubmitting after a lost answer returns the same order.
  const [key, setKey] = useState(newKey)
  const [method, setMethod] = useState<'manual' | 'card'>('manual')
  // The card session's client secret, for the cart's total when it was opened.
  const [clientSecret, setClientSecret] = useState<string | null>(null)
  // A signed-in customer starts from their e-mail and first saved address.
  const [email, setEmail] = useState(initial.cart?.email ?? customer?.email ?? '')
  const [form, setForm] = useState<AddressForm>(formOf(initial.cart?.shippingAddress ?? customer?.addresses[0]))

  if (!cart || cart.items.length === 0) {
    return (
      <main className="page">
        <p data-testid="empty-cart">{t(shop.lang, 'Your cart is empty.')}</p>
        <Go href={`${shop.base}/`}>{t(shop.lang, 'Continue shopping')}</Go>
      </main>
    )
  }

  const run = async (f: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await f()
    } finally {
      setBusy(false)
    }
  }
  const details = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const r = await saveDetails({ data: { ...at, email, address: form } })
      if (r.cart) setCart(r.cart)
      setOptions(r.options)
      setError(r.error ?? null)
    })
  }
  const ship = (optionId: string) =>
    run(async () => {
      const r = await chooseShipping({ data: { ...at, optionId } })
      if (r.cart) setCart(r.cart)
      setError(r.error ?? null)
      setClientSecret(null) // the total changed: a card payment opens again for the new one
      if (method === 'card' && r.cart) await openCard()
    })
  const openCard = async () => {
    const r = await openCardPayment({ data: at })
    setClientSecret(r.clientSecret ?? null)
    setError(r.error ?? null)
  }
  const choosePayment = (m: 'manual' | 'card') =>
    run(async () => {
      setMethod(m)
      if (m === 'card' && !clientSecret) await openCard()
    })
  const place = () =>
    run(async () => {
      const r = await placeOrder({ data: { ...at, idempotencyKey: key, method } })
      if (r.outcome) {
        await router.navigate({ href: `${shop.base}/confirmed` })
        return
      }
      setError(r.error ?? null)
      // The cart changed: its next attempt is a new one.
      if (r.error?.code === 'CART_CHANGED') setKey(newKey())
    })
  const saved = customer?.addresses ?? []
  // A company on net_30 terms is invoiced: the order is placed unpaid, and a card is
  // refused (it would be charged on top of the invoice).
  const invoiced = customer?.buyer?.paymentTerms === 'net_30'

  return (
    <main className="page checkout" data-testid="checkout-page">
      <h1>{t(shop.lang, 'Checkout')}</h1>
      {customer?.buyer ? <BuyerCard buyer={customer.buyer} lang={shop.lang} /> : null}
      <ErrorNote error={error} />
      {saved.length ? (
        <label className="inline">
          {t(shop.lang, 'Saved address')}{' '}
          <select data-testid="saved-address" defaultValue={saved[0]?.id} onChange={(e) => setForm(formOf(saved.find((a) => a.id === e.target.value)))}>
            {saved.map((a) => (
              <option key={a.id} value={a.id}>
                {oneLine(a)}
              </option>
            ))}
            <option value="">{t(shop.lang, 'New address')}</option>
          </select>
        </label>
      ) : null}
      <form onSubmit={details} className="address">
        <label>
          {t(shop.lang, 'Email')}
          <input type="email" required autoComplete="email" name="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <AddressFields lang={shop.lang} value={form} onChange={setForm} />
        <button type="submit" disabled={busy} data-testid="save-details">
          {t(shop.lang, 'Continue')}
        </button>
      </form>
      {options.length ? (
        <fieldset className="shipping" data-testid="shipping-options">
          <legend>{t(shop.lang, 'Shipping')}</legend>
          {options.map((o) => (
            <label key={o.id}>
              <input type="radio" name="shipping" value={o.id} checked={cart.shippingMethod?.id === o.id} disabled={busy} onChange={() => void ship(o.id)} />
              {o.name} — {formatMoney(o.amount, cart.currencyCode, shop.lang)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Totals cart={cart} lang={shop.lang} />
      <fieldset className="shipping" data-testid="payment-methods">
        <legend>{t(shop.lang, 'Payment')}</legend>
        {invoiced ? (
          <p data-testid="invoiced">{t(shop.lang, 'Invoiced: your company pays within 30 days of each order.')}</p>
        ) : (
          <label>
            <input type="radio" name="payment" checked={method === 'manual'} onChange={() => void choosePayment('manual')} />
            {t(shop.lang, 'Pay on delivery')}
          </label>
        )}
        {initial.stripeKey && !invoiced ? (
          <label>
            <input type="radio" name="payment" checked={method === 'card'} disabled={busy || !cart.shippingMethod} onChange={() => void choosePayment('card')} data-testid="pay-by-card" />
            {t(shop.lang, 'Card')}
          </label>
        ) : null}
      </fieldset>
      {method === 'card' && initial.stripeKey && clientSecret ? (
        <CardPayment publishableKey={initial.stripeKey} clientSecret={clientSecret} disabled={busy} label={t(shop.lang, 'Pay and place order')} onPaid={place} />
      ) : (
        <button type="button" className="primary" disabled={busy || !cart.shippingMethod || !cart.email || method === 'card'} onClick={() => void place()} data-testid="place-order">
          {t(shop.lang, 'Place order')}
        </button>
      )}
    </main>
  )
}
