import { deleteCookie, getCookie, setCookie } from '@tanstack/react-start/server'
import { graphql } from '../gql'
import type { CartFieldsFragment } from '../gql/graphql'
import { gql } from './api.server'
import { callOptions, secureCookies } from './request.server'

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

/** currentCart reads the shopper's open cart of the store, or null (a completed or vanished cart is forgotten). */
export async function currentCart(base: string, storeId: string): Promise<Cart | null> {
  const id = getCookie(cartCookie(storeId))
  if (!id) return null
  const { cart } = await gql(GetCart, { id }, callOptions(base)).catch(() => ({ cart: null }))
  if (!cart || cart.completedAt) {
    forgetCart(storeId)
    return null
  }
  return cart
}

