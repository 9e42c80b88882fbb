import { expect, test } from '@playwright/test'
import { call, login, web } from './demo'
import { shipTo, signIn } from './shopper'

const frontDesk = { firstName: 'Front', lastName: 'Desk', address1: 'Olaya St 1', city: 'Riyadh' }

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
  await expect(page.getByTestId('checkout-page').getByLabel('Email')).toHaveValue(email)
  await shipTo(page, frontDesk)
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

// A company on net_30 terms is invoiced: its buyer's checkout offers no card, says so, and
// the order is placed unpaid.
test('a buyer of a net_30 company is invoiced, with no card offered', async ({ page }) => {
  const admin = await login('admin@saudi-marketplace.test')
  const { companies } = await call<{ companies: { edges: { node: { id: string; name: string } }[] } }>('{ companies(first: 50) { edges { node { id name } } } }', {}, admin)
  const company = companies.edges.find((e) => e.node.name === 'Riyadh Hotels')!.node.id
  const setTerms = (terms: string) =>
    call('mutation($id: ID!, $t: CompanyPaymentTerms!) { updateCompany(id: $id, input: {paymentTerms: $t}) { id } }', { id: company, t: terms }, admin)
  await setTerms('net_30')
  try {
    await signIn(page, host, 'buyer1@riyadh-hotels.test')
    await expect(page.getByTestId('terms')).toContainText('Invoiced')
    await page.goto(`${store}/products/classic-white-thobe`)
    await page.getByTestId('add-to-cart').click()
    await expect(page.getByTestId('cart-notice')).toContainText('Added to your cart')
    await page.goto(`${store}/checkout`)
    await shipTo(page, frontDesk)
    await expect(page.getByTestId('invoiced')).toBeVisible()
    await expect(page.getByTestId('pay-by-card')).toHaveCount(0)
    await page.getByTestId('place-order').click()
    await expect(page.getByTestId('order-number')).toContainText(/Order #\d+ is placed/)
  } finally {
    await setTerms('pay_now')
  }
})
