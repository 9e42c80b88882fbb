import { createServerFn } from '@tanstack/react-start'
import { graphql } from '../gql'
import { gql } from '../server/api.server'
import { currentCart, keepCart, shopperCart, type Cart } from '../server/cart.server'
import { asShopper } from '../server/session.server'
import { errorPayload, type ErrorPayload } from './errors'
import { where, type Where } from './where'

const CreateCart = graphql(`
  mutation CreateCart($regionId: ID!) {
    createCart(input: { regionId: $regionId }) { id }
  }
`)

const AddLine = graphql(`
  mutation AddLine($cartId: ID!, $variantId: ID!, $quantity: Int!) {
    addLineItem(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ...CartFields }
  }
`)

const UpdateLine = graphql(`
  mutation UpdateLine($cartId: ID!, $lineItemId: ID!, $quantity: Int!) {
    updateLineItem(cartId: $cartId, lineItemId: $lineItemId, quantity: $quantity) { ...CartFields }
  }
`)

const RemoveLine = graphql(`
  mutation RemoveLine($cartId: ID!, $lineItemId: ID!) {
    removeLineItem(cartId: $cartId, lineItemId: $lineItemId) { ...CartFields }
  }
`)

export type { Cart }
export type CartResult = { cart: Cart | null; error?: ErrorPayload }

export const loadCart = createServerFn({ method: 'GET' })
  .validator(where)
  .handler(async ({ data }): Promise<CartResult> => ({ cart: await shopperCart(data) }))

export const addToCart = createServerFn({ method: 'POST' })
  .validator((d: Where & { regionId: string; variantId: string; quantity: number }) => ({
    ...where(d),
    regionId: String(d.regionId),
    variantId: String(d.variantId),
    quantity: Math.trunc(Number(d.quantity)),
  }))
  .handler(async ({ data }): Promise<CartResult> => {
    try {
      return await asShopper(data, async (opts) => {
        // A signed-in customer's new cart is created with their token: it is theirs.
        let cartId = (await currentCart(opts, data.storeId))?.id
        if (!cartId) {
          cartId = (await gql(CreateCart, { regionId: data.regionId }, opts)).createCart.id
          keepCart(data.storeId, cartId)
        }
        return { cart: (await gql(AddLine, { cartId, variantId: data.variantId, quantity: data.quantity }, opts)).addLineItem }
      })
    } catch (e) {
      return { cart: await shopperCart(data), error: errorPayload(e) }
    }
  })

export const changeLine = createServerFn({ method: 'POST' })
  .validator((d: Where & { lineItemId: string; quantity: number }) => ({
    ...where(d),
    lineItemId: String(d.lineItemId),
    quantity: Math.trunc(Number(d.quantity)),
  }))
  .handler(async ({ data }): Promise<CartResult> => {
    try {
      return await asShopper(data, async (opts) => {
        const cart = await currentCart(opts, data.storeId)
        if (!cart) return { cart: null, error: { code: 'NOT_FOUND', message: 'Your cart is empty.' } }
        if (data.quantity <= 0) {
          return { cart: (await gql(RemoveLine, { cartId: cart.id, lineItemId: data.lineItemId }, opts)).removeLineItem }
        }
        return { cart: (await gql(UpdateLine, { cartId: cart.id, lineItemId: data.lineItemId, quantity: data.quantity }, opts)).updateLineItem }
      })
    } catch (e) {
      return { cart: await shopperCart(data), error: errorPayload(e) }
    }
  })
