import { createServerFn } from '@tanstack/react-start'
import { getCookie, setCookie } from '@tanstack/react-start/server'
import { graphql } from '../gql'
import { gql } from '../server/api.server'
import { emptyCart, forgetCart, openCart } from '../server/cart.server'
import { secureCookies } from '../server/request.server'
import { asShopper } from '../server/session.server'
import { ApiError, errorPayload, type ErrorPayload } from './errors'
import { where, type Where } from './where'

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

/**
 * What the last checkout in this browser came to: an order, or (a company buyer over its
 * limit or under its company's approval rule) a request waiting for a company admin.
 */
export type Outcome =
  | { kind: 'placed'; displayID: number; total: number; currencyCode: string; email: string | null }
  | { kind: 'awaiting'; requestId: string; reasons: string[]; total: number; currencyCode: string }

function outcomeCookie(storeId: string) {
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
      const p = await asShopper(data, async (opts) => (await gql(PayByCard, { cartId: cart.id }, opts)).createPaymentSession)
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
 * retry after a lost answer gets the same order back, never a second one. AWAITING_APPROVAL
 * is an outcome, not a failure: the cart is held by the request, so the shopper starts anew.
 */
export const placeOrder = createServerFn({ method: 'POST' })
  .validator((d: Where & { idempotencyKey: string; method: 'manual' | 'card' }) => ({
    ...where(d),
    idempotencyKey: String(d.idempotencyKey ?? '').slice(0, 100),
    method: d.method === 'card' ? ('card' as const) : ('manual' as const),
  }))
  .handler(async ({ data }): Promise<{ outcome?: Outcome; error?: ErrorPayload }> => {
    let outcome: Outcome
    try {
      const cart = await openCart(data)
      try {
        const o = await asShopper(data, async (opts) => {
          if (data.method === 'manual') await gql(PayManually, { cartId: cart.id }, opts)
          return (await gql(Complete, { cartId: cart.id, key: data.idempotencyKey }, opts)).completeCart
        })
        outcome = { kind: 'placed', displayID: o.displayID, total: o.total, currencyCode: o.currencyCode, email: o.email ?? null }
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 'AWAITING_APPROVAL' || !e.approvalRequestId) throw e
        outcome = { kind: 'awaiting', requestId: e.approvalRequestId, reasons: e.reasons ?? [], total: cart.total, currencyCode: cart.currencyCode }
      }
    } catch (e) {
      if ((e as { empty?: boolean }).empty) return { error: emptyCart }
      return { error: errorPayload(e) }
    }
    forgetCart(data.storeId)
    setCookie(outcomeCookie(data.storeId), JSON.stringify(outcome), { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 60 * 60 })
    return { outcome }
  })

/** The outcome of this browser's last checkout in the store, for its confirmation page. */
export const loadOutcome = createServerFn({ method: 'GET' })
  .validator((d: { storeId: string }) => ({ storeId: String(d.storeId) }))
  .handler(async ({ data }): Promise<Outcome | null> => {
    const raw = getCookie(outcomeCookie(data.storeId))
    if (!raw) return null
    try {
      const o = JSON.parse(raw) as Outcome
      if (o.kind === 'placed' && typeof o.displayID === 'number') return o
      if (o.kind === 'awaiting' && typeof o.requestId === 'string') return o
      return null
    } catch {
      return null
    }
  })
