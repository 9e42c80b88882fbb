import { deleteCookie, getCookie, setCookie } from '@tanstack/react-start/server'
import { graphql } from '../gql'
import type { CartFieldsFragment } from '../gql/graphql'
import { cartIsGone, type ErrorPayload } from '../shop/errors'
import { gql, type CallOptions } from './api.server'
import { secureCookies } from './request.server'
import { asShopper, type Scope } from './session.server'

// The cart's id is its key (whoever holds it uses the cart), so it lives in an httpOnly
// cookie of the storefront's own origin, one per store, and never in a page.

export type Cart = CartFieldsFragment

graphql(`
  fragment CartFields on Cart {
    id
    currencyCode
    email
    completedAt
    items {
      id
      title
      sku
      quantity
      unitPrice
      total
      variant { id title availableQuantity product { handle title thumbnail } }
    }
    shippingAddress { firstName lastName address1 address2 city postalCode countryCode phone }
    shippingMethod { id name amount }
    subtotal
    shippingTotal
    taxTotal
    total
  }
`)

const GetCart = graphql(`
  query GetCart($id: ID!) {
    cart(id: $id) { ...CartFields }
  }
`)

export function cartCookie(storeId: string): string {
  return `cart_${storeId.replace(/[^A-Za-z0-9]/g, '')}`
}

export function keepCart(storeId: string, id: string) {
  setCookie(cartCookie(storeId), id, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: 60 * 60 * 24 * 30 })
}

export function forgetCart(storeId: string) {
  deleteCookie(cartCookie(storeId), { path: '/' })
}

/**
 * currentCart reads the shopper's open cart of the store, or null. A cart the API says is
 * completed or not there is forgotten; one it could not read just now is kept for the
 * next page (see cartIsGone).
 */
export async function currentCart(opts: CallOptions, storeId: string): Promise<Cart | null> {
  const id = getCookie(cartCookie(storeId))
  if (!id) return null
  let cart: Cart | null | undefined
  try {
    ;({ cart } = await gql(GetCart, { id }, opts))
  } catch (e) {
    if (cartIsGone(e)) forgetCart(storeId)
    return null
  }
  if (!cart || cart.completedAt) {
    forgetCart(storeId)
    return null
  }
  return cart
}


/** shopperCart is currentCart with the signed-in customer's token, if any (null when it cannot be read). */
export function shopperCart(scope: Scope & { storeId: string }): Promise<Cart | null> {
  return asShopper(scope, (opts) => currentCart(opts, scope.storeId)).catch(() => null)
}

export const emptyCart: ErrorPayload = { code: 'NOT_FOUND', message: 'Your cart is empty.' }

/** openCart is the shopper's cart with something in it; it throws `{ empty: true }` otherwise. */
export async function openCart(scope: Scope & { storeId: string }): Promise<Cart> {
  const cart = await shopperCart(scope)
  if (!cart || cart.items.length === 0) throw Object.assign(new Error('empty'), { empty: true })
  return cart
}

const NewCart = graphql(`
  mutation AdoptCart($regionId: ID!) {
    createCart(input: { regionId: $regionId }) { id }
  }
`)

const CopyLine = graphql(`
  mutation CopyLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {
    addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) { id }
  }
`)

/**
 * adoptCart gives a customer who just signed in the guest cart they were filling: a cart
 * is a customer's only when created with their token, so its lines move to a new one
 * (a line that cannot move, sold out since, stays behind).
 */
export async function adoptCart(opts: CallOptions, storeId: string, regionId: string) {
  const guest = await currentCart(opts, storeId)
  forgetCart(storeId)
  if (!guest?.items.length) return
  const { createCart } = await gql(NewCart, { regionId }, opts)
  for (const l of guest.items) {
    await gql(CopyLine, { cartId: createCart.id, variantId: l.variant.id, quantity: l.quantity }, opts).catch(() => null)
  }
  keepCart(storeId, createCart.id)
}
