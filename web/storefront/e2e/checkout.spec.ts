import { expect, test } from '@playwright/test'
import { password, web } from './demo'
import { shipTo } from './shopper'

// A guest buys the store's limited edition while the store manager watches the live view:
// the order appears there without a reload.
test('a guest buys the limited edition; the admin live view shows the order arrive', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage()
  await admin.goto(`${web()}/admin`)
  await admin.getByLabel('Email').fill('manager@saudi-traditional.test')
  await admin.getByLabel('Password').fill(password)
  await admin.getByRole('button', { name: 'Sign in' }).click()
  await expect(admin.getByTestId('admin-store')).toContainText('Saudi Traditional Wear')
  await expect(admin.getByTestId('live-status')).toHaveAttribute('data-state', 'live')
  await expect(admin.getByTestId('feed').locator('li')).toHaveCount(0)

  const shopper = await (await browser.newContext()).newPage()
  const store = web('saudi-traditional.localhost')
  await shopper.goto(`${store}/products/najdi-heritage-thobe`)
  await expect(shopper.getByTestId('stock')).toHaveText(/Only \d left/)
  await shopper.getByTestId('quantity').fill('2')
  await shopper.getByTestId('add-to-cart').click()
  await expect(shopper.getByTestId('cart-notice')).toContainText('Added to your cart')

  await shopper.getByTestId('cart-link').click()
  await expect(shopper.getByTestId('cart-page')).toContainText('Najdi')
  await shopper.getByTestId('to-checkout').click()

  await shipTo(shopper, {
    email: 'guest@example.com', firstName: 'Sara', lastName: 'Al-Harbi', address1: 'King Fahd Rd 1', city: 'Riyadh', postalCode: '12211', countryCode: 'SA',
  })
  await expect(shopper.getByTestId('totals')).not.toContainText('—')
  await expect(shopper.getByTestId('place-order')).toBeEnabled()
  await shopper.getByTestId('place-order').click()

  const number = shopper.getByTestId('order-number')
  await expect(number).toContainText(/Order #\d+ is placed/)
  const displayID = await number.getAttribute('data-number')
  expect(Number(displayID)).toBeGreaterThan(0)

  // The live view, never reloaded, shows the order the guest just placed.
  await expect(admin.getByTestId('feed').locator(`li[data-order="${displayID}"]`).first()).toBeVisible()
  await expect(admin.getByTestId('feed')).toContainText('guest@example.com')

  // The stock went down by the two units bought.
  await shopper.goto(`${store}/products/najdi-heritage-thobe`)
  await expect(shopper.getByTestId('stock')).toHaveText('Only 3 left')
})
