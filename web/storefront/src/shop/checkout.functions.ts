import { createServerFn } from '@tanstack/react-start'
import { graphql } from '../gql'
import type { AddressInput } from '../gql/graphql'
import { buyer, profile, type Buyer, type SavedAddress } from '../server/account.server'
import { gql } from '../server/api.server'
import { currentCart, emptyCart, openCart, shopperCart, type Cart } from '../server/cart.server'
import { asShopper } from '../server/session.server'
import { errorPayload, type ErrorPayload } from './errors'
import { where, type Where } from './where'

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

export type ShippingOption = { id: string; name: string; amount: number }
/** The signed-in customer at checkout: what prefills the form, and the company they buy for. */
export type CheckoutCustomer = { email: string; addresses: SavedAddress[]; buyer: Buyer | null }
export type CheckoutData = { cart: Cart | null; options: ShippingOption[]; customer: CheckoutCustomer | null; stripeKey: string | null }

const text = (v: unknown, max: number) => String(v ?? '').slice(0, max)

export const loadCheckout = createServerFn({ method: 'GET' })
  .validator((d: Where & { b2b: boolean }) => ({ ...where(d), b2b: d.b2b === true }))
  .handler(({ data }): Promise<CheckoutData> =>
    asShopper(data, async (opts) => {
      // Card payments are offered when the storefront has Stripe's publishable key (the
      // API then needs STRIPE_SECRET_KEY of the same account).
      const stripeKey = process.env.STRIPE_PUBLISHABLE_KEY || null
      const cart = await currentCart(opts, data.storeId)
      const options = cart?.shippingAddress ? (await gql(ShippingOptions, { cartId: cart.id }, opts)).shippingOptions : []
      if (!opts.token) return { cart, options, customer: null, stripeKey }
      const [me, company] = await Promise.all([profile(opts), data.b2b ? buyer(opts) : null])
      return { cart, options, customer: me ? { email: me.email, addresses: me.addresses, buyer: company } : null, stripeKey }
    }),
  )

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
      return await asShopper(data, async (opts) => {
        const { setShippingAddress } = await gql(SetDetails, { cartId: cart.id, email: data.email, address: data.address }, opts)
        const { shippingOptions } = await gql(ShippingOptions, { cartId: cart.id }, opts)
        return { cart: setShippingAddress, options: shippingOptions }
      })
    } catch (e) {
      if ((e as { empty?: boolean }).empty) return { cart: null, options: [], error: emptyCart }
      return { cart: await shopperCart(data), options: [], error: errorPayload(e) }
    }
  })

export const chooseShipping = createServerFn({ method: 'POST' })
  .validator((d: Where & { optionId: string }) => ({ ...where(d), optionId: String(d.optionId) }))
  .handler(async ({ data }): Promise<{ cart: Cart | null; error?: ErrorPayload }> => {
    try {
      const cart = await openCart(data)
      return { cart: (await asShopper(data, (opts) => gql(SetShipping, { cartId: cart.id, optionId: data.optionId }, opts))).setShippingMethod }
    } catch (e) {
      if ((e as { empty?: boolean }).empty) return { cart: null, error: emptyCart }
      return { cart: await shopperCart(data), error: errorPayload(e) }
    }
  })
