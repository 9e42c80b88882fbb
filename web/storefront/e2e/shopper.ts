import { expect, type BrowserContext, type Page } from '@playwright/test'
import { api, password, web } from './demo'

// Helpers for the account specs: API calls as a storefront makes them (naming the store by
// its host), and the customer's session cookie as the storefront keeps it.

export async function storeCall<T>(storeHost: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Store-Host': storeHost, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] }
  if (body.errors?.length || !body.data) throw new Error(`API: ${JSON.stringify(body.errors)}`)
  return body.data
}

export const uniqueEmail = (who: string) => `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`

export async function register(storeHost: string, email: string, name: string): Promise<string> {
  const d = await storeCall<{ registerCustomer: { accessToken: string } }>(
    storeHost,
    'mutation($i: RegisterCustomerInput!) { registerCustomer(input: $i) { accessToken } }',
    { i: { email, password, name } },
  )
  return d.registerCustomer.accessToken
}

/** orderVia places an order of one unit of product `handle` for the signed-in customer, through the API. */
export async function orderVia(storeHost: string, token: string, handle: string, email: string): Promise<number> {
  const call = <T>(q: string, v: Record<string, unknown> = {}) => storeCall<T>(storeHost, q, v, token)
  const { regions } = await call<{ regions: { id: string }[] }>('{ regions { id } }')
  const regionId = regions[0]!.id
  const { productByHandle } = await call<{ productByHandle: { variants: { id: string }[] } }>('query($h: String!) { productByHandle(handle: $h) { variants { id } } }', { h: handle })
  const { createCart } = await call<{ createCart: { id: string } }>('mutation($r: ID!) { createCart(input: {regionId: $r}) { id } }', { r: regionId })
  const c = createCart.id
  await call('mutation($c: ID!, $v: ID!) { addLineItem(cartId: $c, variantId: $v, quantity: 1) { id } }', { c, v: productByHandle.variants[0]!.id })
  await call(
    'mutation($c: ID!, $e: String!) { setCartEmail(cartId: $c, email: $e) { id } setShippingAddress(cartId: $c, input: {firstName: "Api", lastName: "Order", address1: "Tahlia St 9", city: "Jeddah", countryCode: "SA"}) { id } }',
    { c, e: email },
  )
  const { shippingOptions } = await call<{ shippingOptions: { id: string }[] }>('query($c: ID!) { shippingOptions(cartId: $c) { id } }', { c })
  await call('mutation($c: ID!, $o: ID!) { setShippingMethod(cartId: $c, shippingOptionId: $o) { id } createPaymentSession(cartId: $c, provider: "manual") { status } }', {
    c,
    o: shippingOptions[0]!.id,
  })
  const { completeCart } = await call<{ completeCart: { displayID: number } }>('mutation($c: ID!, $k: String!) { completeCart(cartId: $c, idempotencyKey: $k) { displayID } }', {
    c,
    k: `e2e-${c}`,
  })
  return completeCart.displayID
}

/** signIn signs in through the store's own sign-in page. */
export async function signIn(page: Page, storeHost: string, email: string) {
  await page.goto(`${web(storeHost)}/signin`)
  const form = page.getByTestId('signin-form')
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await page.getByTestId('account-page').waitFor()
}

type SessionCookie = { access: string; refresh: string; expiresAt: string; name: string; email: string }

/** The customer's session cookie (httpOnly: the page never sees it, the test's browser context does). */
export async function sessionCookie(context: BrowserContext) {
  const c = (await context.cookies()).find((x) => x.name.startsWith('customer_'))
  if (!c) return null
  return { cookie: c, session: JSON.parse(decodeURIComponent(c.value)) as SessionCookie }
}

export async function rewriteSession(context: BrowserContext, change: (s: SessionCookie) => SessionCookie) {
  const found = await sessionCookie(context)
  if (!found) throw new Error('no session cookie')
  const { cookie, session } = found
  await context.addCookies([{ ...cookie, value: encodeURIComponent(JSON.stringify(change(session))) }])
}

export type CheckoutDetails = { email?: string; firstName: string; lastName: string; address1: string; city: string; postalCode?: string; countryCode?: string }

/**
 * shipTo fills the checkout page's address (and e-mail, for a guest), saves it, and picks
 * the first shipping option, waiting until the server has priced it.
 */
export async function shipTo(page: Page, d: CheckoutDetails) {
  const checkout = page.getByTestId('checkout-page')
  if (d.email) await checkout.getByLabel('Email').fill(d.email)
  await checkout.getByLabel('First name').fill(d.firstName)
  await checkout.getByLabel('Last name').fill(d.lastName)
  await checkout.getByLabel('Address', { exact: true }).fill(d.address1)
  await checkout.getByLabel('City').fill(d.city)
  if (d.postalCode) await checkout.getByLabel('Postal code').fill(d.postalCode)
  if (d.countryCode) await checkout.getByLabel('Country').fill(d.countryCode)
  await page.getByTestId('save-details').click()
  // The choice shows once the server has priced it (the radio follows the cart).
  const option = page.getByTestId('shipping-options').locator('input[type=radio]').first()
  await option.click()
  await expect(option).toBeChecked()
}
