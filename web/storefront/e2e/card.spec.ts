import { expect, test } from '@playwright/test'
import { stripeJS } from '../src/ui/CardPayment'
import { web } from './demo'
import { shipTo } from './shopper'

// Stripe.js cannot load here (no internet), so the test stands in for it: a script at
// Stripe's address that records what the storefront gives it and "confirms" at once. The
// API side is real: createPaymentSession opens the PaymentIntent at stripe-mock, and
// completeCart asks stripe-mock for it before it places anything.
const fakeStripe = `
window.__stripe = { calls: [] };
window.Stripe = function (key) {
  window.__stripe.key = key;
  return {
    elements: function (o) {
      window.__stripe.clientSecret = o.clientSecret;
      return { create: function () { return {
        mount: function (el) { var d = document.createElement('div'); d.setAttribute('data-testid', 'fake-payment-element'); d.textContent = 'card fields'; el.appendChild(d); },
        destroy: function () {}
      }; } };
    },
    confirmPayment: function (o) { window.__stripe.calls.push(o.redirect); return Promise.resolve({}); }
  };
};`

test('card checkout: the Payment Element gets the session, and completion is checked with Stripe', async ({ page }) => {
  await page.route(`${stripeJS}**`, (route) => route.fulfill({ contentType: 'text/javascript', body: fakeStripe }))
  const store = web('dates-coffee.localhost')
  await page.goto(`${store}/products/ajwa-dates`)
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-notice')).toContainText('Added to your cart')
  await page.goto(`${store}/checkout`)
  await shipTo(page, { email: 'card@example.com', firstName: 'Noura', lastName: 'Al-Qahtani', address1: 'Olaya St 5', city: 'Riyadh', countryCode: 'SA' })

  await page.getByTestId('pay-by-card').click()
  await expect(page.getByTestId('fake-payment-element')).toBeVisible()
  const stripe = await page.evaluate(() => (window as unknown as { __stripe: { key: string; clientSecret: string } }).__stripe)
  expect(stripe.key).toBe('pk_test_e2e')
  expect(stripe.clientSecret).toMatch(/^pi_\w+_secret_\w+$/)

  await page.getByTestId('pay-card').click()
  await expect.poll(() => page.evaluate(() => (window as unknown as { __stripe: { calls: string[] } }).__stripe.calls)).toEqual(['if_required'])
  // stripe-mock's intent is never confirmed (it keeps no state): the API refuses to place
  // the order, and the shopper reads why, still on the checkout page.
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'PAYMENT_REQUIRES_ACTION')
  await expect(page.getByTestId('error')).toContainText('Your card payment is not confirmed yet')
  await expect(page).toHaveURL(`${store}/checkout`)
  await expect(page.getByTestId('order-number')).toHaveCount(0)
})
