import { expect, test } from '@playwright/test'
import { password, web } from './demo'
import { orderVia, register, rewriteSession, sessionCookie, signIn, storeCall, uniqueEmail } from './shopper'

const host = 'saudi-traditional.localhost'
const store = web(host)

test('a guest signs up with a full cart, saves an address, buys with it prefilled, sees the order in history; signs out and in again', async ({ page, context }) => {
  const email = uniqueEmail('noura')
  // What the guest put in the cart stays there once they have an account.
  await page.goto(`${store}/products/embroidered-abaya`)
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-notice')).toContainText('Added to your cart')
  await page.getByTestId('account-link').click()
  const signup = page.getByTestId('signup-form')
  await signup.getByLabel('Name').fill('Noura Al-Qahtani')
  await signup.getByLabel('Email').fill(email)
  await signup.getByLabel('Password').fill(password)
  await signup.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByTestId('account-page')).toContainText(email)
  await expect(page.getByTestId('account-link')).toHaveText('Noura Al-Qahtani')
  await expect(page.getByTestId('orders')).toContainText('No orders yet.')

  // The tokens are in an httpOnly cookie of the storefront, not in the page.
  const found = await sessionCookie(context)
  expect(found?.cookie.httpOnly).toBe(true)
  expect(found?.cookie.sameSite).toBe('Lax')
  expect(await page.content()).not.toContain(found!.session.access)

  // Two addresses saved, one deleted.
  const form = page.getByTestId('address-form')
  for (const street of ['Olaya St 10', 'Temporary Rd 1']) {
    await form.getByLabel('First name').fill('Noura')
    await form.getByLabel('Last name').fill('Al-Qahtani')
    await form.getByLabel('Address').fill(street)
    await form.getByLabel('City').fill('Riyadh')
    await form.getByLabel('Postal code').fill('12211')
    await form.getByRole('button', { name: 'Add address' }).click()
    await expect(page.getByTestId('addresses').locator('li', { hasText: street })).toBeVisible()
  }
  await page.getByTestId('addresses').locator('li', { hasText: 'Temporary Rd 1' }).getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByTestId('addresses').locator('li')).toHaveCount(1)
  await expect(page.getByTestId('addresses')).toContainText('Olaya St 10')

  // The purchase: checkout starts from the account's e-mail and saved address.
  await page.getByTestId('cart-link').click()
  await expect(page.getByTestId('cart-page')).toContainText('Embroidered Abaya')
  await page.getByTestId('to-checkout').click()
  const checkout = page.getByTestId('checkout-page')
  await expect(checkout.getByLabel('Email')).toHaveValue(email)
  await expect(checkout.getByLabel('Address', { exact: true })).toHaveValue('Olaya St 10')
  await expect(checkout.getByLabel('First name')).toHaveValue('Noura')
  await page.getByTestId('save-details').click()
  const option = page.getByTestId('shipping-options').locator('input[type=radio]').first()
  await option.click()
  await expect(option).toBeChecked()
  await expect(page.getByTestId('place-order')).toBeEnabled()
  await page.getByTestId('place-order').click()
  const number = page.getByTestId('order-number')
  await expect(number).toContainText(/Order #\d+ is placed/)
  const displayID = await number.getAttribute('data-number')

  // The order is the customer's: it is in their history.
  await page.getByTestId('account-link').click()
  const row = page.getByTestId('orders').locator(`tr[data-order="${displayID}"]`)
  await expect(row).toContainText('pending')
  await expect(row).toContainText('SAR')

  // Signed out: the header offers to sign in, the account page sends there, the cookie is
  // gone and its refresh token revoked at the API.
  const { refresh } = (await sessionCookie(context))!.session
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('account-link')).toHaveText('Sign in')
  expect(await sessionCookie(context)).toBeNull()
  await expect(storeCall(host, 'mutation($t: String!) { refreshToken(token: $t) { accessToken } }', { t: refresh })).rejects.toThrow(/invalid refresh token/)
  await page.goto(`${store}/account`)
  await expect(page).toHaveURL(`${store}/signin`)

  await signIn(page, host, email)
  await expect(page.getByTestId('orders').locator(`tr[data-order="${displayID}"]`)).toBeVisible()
})

test('order history shows five orders at a time, newest first', async ({ page }) => {
  const email = uniqueEmail('history')
  const token = await register(host, email, 'History Shopper')
  const numbers: number[] = []
  for (let i = 0; i < 6; i++) numbers.push(await orderVia(host, token, 'royal-oud-oil-traditional', email))
  await signIn(page, host, email)
  const rows = page.getByTestId('orders').locator('tbody tr')
  await expect(rows).toHaveCount(5)
  await expect(rows.first()).toHaveAttribute('data-order', String(numbers[5]))
  await page.getByTestId('more-orders').click()
  await expect(rows).toHaveCount(6)
  await expect(rows.last()).toHaveAttribute('data-order', String(numbers[0]))
  await expect(page.getByTestId('more-orders')).toHaveCount(0)
})

test('an expired access token is refreshed; a refused refresh ends the session', async ({ page, context }) => {
  const email = uniqueEmail('refresh')
  await register(host, email, 'Refresh Shopper')
  await signIn(page, host, email)
  const before = (await sessionCookie(context))!.session

  // Expired: the server exchanges the refresh token before asking the API.
  await rewriteSession(context, (s) => ({ ...s, expiresAt: '2000-01-01T00:00:00Z' }))
  await page.goto(`${store}/account`)
  await expect(page.getByTestId('account-page')).toContainText(email)
  const after = (await sessionCookie(context))!.session
  expect(after.refresh).not.toBe(before.refresh)
  expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now())

  // Refused by the API (UNAUTHENTICATED): refreshed once and asked again.
  await rewriteSession(context, (s) => ({ ...s, access: 'not-a-token' }))
  await page.goto(`${store}/account`)
  await expect(page.getByTestId('account-page')).toContainText(email)
  expect((await sessionCookie(context))!.session.access).not.toBe('not-a-token')

  // A refresh token the API refuses: the session ends and the shopper signs in again.
  await rewriteSession(context, (s) => ({ ...s, expiresAt: '2000-01-01T00:00:00Z', refresh: 'rt_revoked' }))
  await page.goto(`${store}/account`)
  await expect(page).toHaveURL(`${store}/signin`)
  expect(await sessionCookie(context)).toBeNull()
  await expect(page.getByTestId('account-link')).toHaveText('Sign in')
})

test("a customer of one tenant cannot sign in on another tenant's store", async ({ page }) => {
  const email = uniqueEmail('tenant')
  await register(host, email, 'One Tenant')
  // gulf-electronics belongs to the tenant gulf-goods: the account does not exist there.
  await page.goto(`${web('gulf-electronics.localhost')}/signin`)
  const form = page.getByTestId('signin-form')
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('error')).toHaveText('Wrong e-mail or password.')
  await expect(page.getByTestId('account-link')).toHaveText('Sign in')

  // Signed in at home (here by the store's path on the platform site), the other tenant's
  // store still does not know the shopper.
  await page.goto(`${web()}/stores/saudi-traditional`)
  await page.getByTestId('account-link').click()
  await expect(page).toHaveURL(`${web()}/stores/saudi-traditional/signin`)
  const home = page.getByTestId('signin-form')
  await home.getByLabel('Email').fill(email)
  await home.getByLabel('Password').fill(password)
  await home.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(`${web()}/stores/saudi-traditional/account`)
  await expect(page.getByTestId('account-link')).toHaveText('One Tenant')
  await page.goto(`${web()}/stores/gulf-electronics`)
  await expect(page.getByTestId('store-name')).toHaveText('Gulf Electronics')
  await expect(page.getByTestId('account-link')).toHaveText('Sign in')
})
