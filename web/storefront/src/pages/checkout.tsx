import { useRouter } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import type { Cart } from '../shop/cart.functions'
import { chooseShipping, loadCheckout, openCardPayment, placeOrder, saveDetails, type ShippingOption } from '../shop/checkout.functions'
import type { ErrorPayload } from '../shop/errors'
import { formatMoney } from '../shop/money'
import type { Shop } from '../shop/store.functions'
import { CardPayment } from '../ui/CardPayment'
import { ErrorNote } from '../ui/ErrorNote'
import { Go } from '../ui/Go'
import { t } from '../ui/i18n'
import { Totals } from '../ui/Totals'

type Open = Extract<Shop, { kind: 'open' }>
export type CheckoutData = Awaited<ReturnType<typeof loadCheckout>>

export function checkoutLoader(shop: Shop) {
  if (shop.kind !== 'open') return null
  return loadCheckout({ data: { base: shop.base, storeId: shop.store.id } })
}

const fields = [
  ['firstName', 'First name', 'given-name'],
  ['lastName', 'Last name', 'family-name'],
  ['address1', 'Address', 'address-line1'],
  ['city', 'City', 'address-level2'],
  ['postalCode', 'Postal code', 'postal-code'],
  ['countryCode', 'Country', 'country'],
  ['phone', 'Phone', 'tel'],
] as const

type Form = Record<(typeof fields)[number][0] | 'email', string>

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`
}

export function CheckoutPage({ shop, initial }: { shop: Open; initial: CheckoutData }) {
  const router = useRouter()
  const [cart, setCart] = useState<Cart | null>(initial.cart)
  const [options, setOptions] = useState<ShippingOption[]>(initial.options)
  const [error, setError] = useState<ErrorPayload | null>(null)
  const [busy, setBusy] = useState(false)
  // One key per attempt: resubmitting after a lost answer returns the same order.
  const [key, setKey] = useState(newKey)
  const [method, setMethod] = useState<'manual' | 'card'>('manual')
  // The card session's client secret, for the cart's total when it was opened.
  const [clientSecret, setClientSecret] = useState<string | null>(null)
  const a = initial.cart?.shippingAddress
  const [form, setForm] = useState<Form>({
    email: initial.cart?.email ?? '',
    firstName: a?.firstName ?? '',
    lastName: a?.lastName ?? '',
    address1: a?.address1 ?? '',
    city: a?.city ?? '',
    postalCode: a?.postalCode ?? '',
    countryCode: a?.countryCode ?? 'SA',
    phone: a?.phone ?? '',
  })

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
      const { email, ...address } = form
      const r = await saveDetails({ data: { base: shop.base, storeId: shop.store.id, email, address } })
      if (r.cart) setCart(r.cart)
      setOptions(r.options)
      setError(r.error ?? null)
    })
  }
  const ship = (optionId: string) =>
    run(async () => {
      const r = await chooseShipping({ data: { base: shop.base, storeId: shop.store.id, optionId } })
      if (r.cart) setCart(r.cart)
      setError(r.error ?? null)
      setClientSecret(null) // the total changed: a card payment opens again for the new one
      if (method === 'card' && r.cart) await openCard()
    })
  const openCard = async () => {
    const r = await openCardPayment({ data: { base: shop.base, storeId: shop.store.id } })
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
      const r = await placeOrder({ data: { base: shop.base, storeId: shop.store.id, idempotencyKey: key, method } })
      if (r.order) {
        await router.navigate({ href: `${shop.base}/confirmed` })
        return
      }
      setError(r.error ?? null)
      // The cart changed: its next attempt is a new one.
      if (r.error?.code === 'CART_CHANGED') setKey(newKey())
    })

  return (
    <main className="page checkout" data-testid="checkout-page">
      <h1>{t(shop.lang, 'Checkout')}</h1>
      <ErrorNote error={error} />
      <form onSubmit={details} className="address">
        <label>
          {t(shop.lang, 'Email')}
          <input type="email" required autoComplete="email" name="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </label>
        {fields.map(([name, label, auto]) => (
          <label key={name}>
            {t(shop.lang, label)}
            <input
              name={name}
              autoComplete={auto}
              required={name !== 'postalCode' && name !== 'phone'}
              value={form[name]}
              onChange={(e) => setForm({ ...form, [name]: e.target.value })}
            />
          </label>
        ))}
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
        <label>
          <input type="radio" name="payment" checked={method === 'manual'} onChange={() => void choosePayment('manual')} />
          {t(shop.lang, 'Pay on delivery')}
        </label>
        {initial.stripeKey ? (
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
