import { createServerFn } from '@tanstack/react-start'
import { getCookie, setCookie } from '@tanstack/react-start/server'
import { graphql } from '../gql'
import type { AddressInput } from '../gql/graphql'
import { gql } from '../server/api.server'
import { callOptions, secureCookies } from '../server/request.server'
import { currentCart, forgetCart, type Cart } from '../server/cart.server'
import { errorPayload, type ErrorPayload } from './errors'

const SetDetails = graphql(`
  mutation SetDetails($cartId: ID!, $email: String!, $address: AddressInput!) {
    setCartEmail(cartId: $cartId, email: $email) { id }
    setShippingAddress(cartId: $cartId, input: $address) { ...CartFields }
  }
`)

const ShippingOptions = graphql(`
  query ShippingOptions($cartId: ID!) {
    shippingOptions(cartId: $cartId) { id name amount }
  }
`)

const SetShipping = graphql(`
  mutation SetShipping($cartId: ID!, $optionId: ID!) {
    setShippingMethod(cartId: $cartId, shippingOptionId: $optionId) { ...CartFields }
  }
`)

const PayManually = graphql(`
  mutation PayManually($cartId: ID!) {
    createPaymentSession(cartId: $cartId, provider: "manual") { status }
  }
`)

const PayByCard = graphql(`
  mutation PayByCard($cartId: ID!) {
    createPaymentSession(cartId: $cartId, provider: "stripe") { clientSecret status amount currencyCode }
  }
`)

const Complete = graphql(`
  mutation Complete($cartId: ID!, $key: String!) {
    completeCart(cartId: $cartId, idempotencyKey: $key) { id displayID status paymentStatus total currencyCode email }
  }
`)

export type ShippingOption = { id: string; name: string; amount: number }
export type PlacedOrder = { displayID: number; total: number; currencyCode: string; email: string | null }

type Where = { base: string; storeId: string }
const where = (d: Where): Where => ({ base: String(d.base), storeId: String(d.storeId) })
const text = (v: unknown, max: number) => String(v ?? '').slice(0, max)

async function openCart(d: Where): Promise<Cart> {
  const cart = await currentCart(d.base, d.storeId)
  if (!cart || cart.items.length === 0) throw Object.assign(new Error('empty'), { empty: true })
  return cart
}

const emptyCart: ErrorPayload = { code: 'NOT_FOUND', message: 'Your cart is empty.' }

export const loadCheckout = createServerFn({ method: 'GET' })
  .validator(where)
  .handler(async ({ data }): Promise<{ cart: Cart | null; options: ShippingOption[]; stripeKey: string | null }> => {
    // Card payments are offered when the storefront has Stripe's publishable key (the API
    // then needs STRIPE_SECRET_KEY of the same account).
    const stripeKey = process.env.STRIPE_PUBLISHABLE_KEY || null
    const cart = await currentCart(data.base, data.storeId)
    if (!cart?.shippingAddress) return { cart, options: [], stripeKey }
    const { shippingOptions } = await gql(ShippingOptions, { cartId: cart.id }, callOptions(data.base))
    return { cart, options: shippingOptions, stripeKey }
  })

export const saveDetails = createServerFn({ method: 'POST' })
  .validator((d: Where & { email: string; address: AddressInput }) => ({
    ...where(d),
    email: text(d.email, 320),
    address: {
      firstName: text(d.address?.firstName, 200),
      lastName: text(d.address?.lastName, 200),
      address1: text(d.address?.address1, 500),
      address2: d.address?.address2 ? text(d.address.address2, 500) : null,
      city: text(d.address?.city, 200),
      postalCode: d.address?.postalCode ? text(d.address.postalCode, 40) : null,
      countryCode: text(d.address?.countryCode, 2),
      phone: d.address?.phone ? text(d.address.phone, 40) : null,
    },
  }))
  .handler(async ({ data }): Promise<{ cart: Cart | null; options: ShippingOption[]; error?: ErrorPayload }> => {
    try {
      const cart = await openCart(data)
      const opts = callOptions(data.base)
      const { setShippingAddress } = await gql(SetDetails, { cartId: cart.id, email: data.email, address: data.address }, opts)
      const { shippingOptions } = await gql(ShippingOptions, { cartId: cart.id }, opts)
      return { cart: setShippingAddress, options: shippingOptions }
    } catch (e) {
      if ((e as { empty?: boolean }).empty) return { cart: null, options: [], error: emptyCart }
      return { cart: await currentCart(data.base, data.storeId), options: [], error: errorPayload(e) }
    }
  })

export const chooseShipping = createServerFn({ method: 'POST' })
  .validator((d: Where & { optionId: string }) => ({ ...where(d), optionId: String(d.optionId) }))
  .handler(async ({ data }): Promise<{ cart: Cart | null; error?: ErrorPayload }> => {
    try {
      const cart = await openCart(data)
      return { cart: (await gql(SetShipping, { cartId: cart.id, optionId: data.optionId }, callOptions(data.base))).setShippingMethod }
    } catch (e) {
      if ((e as { empty?: boolean }).empty) return { cart: null, error: emptyCart }
      return { cart: await currentCart(data.base, data.storeId), error: errorPayload(e) }
    }
  })

function placedCookie(storeId: string) {
  return `placed_${storeId.replace(/[^A-Za-z0-9]/g, '')}`
}

/**
 * openCardPayment opens (or refreshes, after the cart changed) the cart's Stripe payment
 * for its current total: the browser confirms it with Stripe.js and the client secret.
 */
export const openCardPayment = createServerFn({ method: 'POST' })
  .validator(where)
  .handler(async ({ data }): Promise<{ clientSecret?: string; error?: ErrorPayload }> => {
    try {
      const cart = await openCart(data)
      const { createPaymentSession: p } = await gql(PayByCard, { cartId: cart.id }, callOptions(data.base))
      if (!p.clientSecret) return { error: { code: 'INTERNAL', message: 'Card payments are not available right now.' } }
      return { clientSecret: p.clientSecret }
    } catch (e) {
      if ((e as { empty?: boolean }).empty) return { error: emptyCart }
      return { error: errorPayload(e) }
    }
  })

/**
 * placeOrder completes the cart: paid on delivery (the manual provider), or by the card
 * payment the browser has just confirmed with Stripe.js, which the API checks with Stripe.
 * The idempotency key comes from the checkout page, one per attempt: a double click or a
 * retry after a lost answer gets the same order back, never a second one.
 */
export const placeOrder = createServerFn({ method: 'POST' })
  .validator((d: Where & { idempotencyKey: string; method: 'manual' | 'card' }) => ({
    ...where(d),
    idempotencyKey: text(d.idempotencyKey, 100),
    method: d.method === 'card' ? ('card' as const) : ('manual' as const),
  }))
  .handler(async ({ data }): Promise<{ order?: PlacedOrder; error?: ErrorPayload }> => {
    try {
      const cart = await openCart(data)
      const opts = callOptions(data.base)
      if (data.method === 'manual') await gql(PayManually, { cartId: cart.id }, opts)
      const { completeCart: o } = await gql(Complete, { cartId: cart.id, key: data.idempotencyKey }, opts)
      const order: PlacedOrder = { displayID: o.displayID, total: o.total, currencyCode: o.currencyCode, email: o.email ?? null }
      forgetCart(data.storeId)
      setCookie(placedCookie(data.storeId), JSON.stringify(order), { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 60 * 60 })
      return { order }
    } catch (e) {
      if ((e as { empty?: boolean }).empty) return { error: emptyCart }
      return { error: errorPayload(e) }
    }
  })

/** The order this browser placed last in the store, for its confirmation page. */
export const loadPlacedOrder = createServerFn({ method: 'GET' })
  .validator((d: { storeId: string }) => ({ storeId: String(d.storeId) }))
  .handler(async ({ data }): Promise<PlacedOrder | null> => {
    const raw = getCookie(placedCookie(data.storeId))
    if (!raw) return null
    try {
      const o = JSON.parse(raw) as PlacedOrder
      return typeof o.displayID === 'number' ? o : null
    } catch {
      return null
    }
  })
