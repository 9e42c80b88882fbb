import { expect, test } from '@playwright/test'
import { web } from './demo'
import { signIn } from './shopper'

const host = 'wholesale.localhost'
const store = web(host)

// buyer1 may spend SAR 5,000 a month (seed/wholesale.go): 21 thobes at SAR 249 pass it, so
// the checkout places no order and the request waits for the company admin.
test('a buyer sees its company and limit; an order over it waits for approval', async ({ page }) => {
  const email = 'buyer1@riyadh-hotels.test'
  await signIn(page, host, email)
  await expect(page.getByTestId('buyer-company')).toHaveText('Buying for Riyadh Hotels')
  await expect(page.getByTestId('spending-limit')).toContainText('SAR 5,000.00 per month')
  await expect(page.getByTestId('account-link')).toHaveText('buyer1')

  await page.goto(`${store}/products/classic-white-thobe`)
  await page.getByTestId('quantity').fill('21')
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-notice')).toContainText('Added to your cart')
  await page.goto(`${store}/checkout`)
  await expect(page.getByTestId('buyer')).toContainText('SAR 5,000.00 per month')
  const checkout = page.getByTestId('checkout-page')
  await expect(checkout.getByLabel('Email')).toHaveValue(email)
  await checkout.getByLabel('First name').fill('Front')
  await checkout.getByLabel('Last name').fill('Desk')
  await checkout.getByLabel('Address', { exact: true }).fill('Olaya St 1')
  await checkout.getByLabel('City').fill('Riyadh')
  await page.getByTestId('save-details').click()
  const option = page.getByTestId('shipping-options').locator('input[type=radio]').first()
  await option.click()
  await expect(option).toBeChecked()
  await page.getByTestId('place-order').click()

  const waiting = page.getByTestId('awaiting-approval')
  await expect(waiting).toContainText('Waiting for approval')
  await expect(waiting).toContainText('over your spending limit')
  await expect(page.getByTestId('error')).toHaveCount(0)
  const requestId = await waiting.getAttribute('data-request')

  // The request is the buyer's to see, pending, on the account page; the cart starts anew.
  await page.goto(`${store}/account`)
  await expect(page.getByTestId('approvals').locator(`tr[data-request="${requestId}"]`)).toHaveAttribute('data-status', 'pending')
  await page.goto(`${store}/cart`)
  await expect(page.getByTestId('empty-cart')).toBeVisible()
})
