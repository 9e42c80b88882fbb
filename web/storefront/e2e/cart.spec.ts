import { expect, test } from '@playwright/test'
import { web } from './demo'

test('the cart changes quantities and removes lines, with totals from the server', async ({ page }) => {
  const store = web('saudi-traditional.localhost')
  await page.goto(`${store}/products/classic-white-thobe`)
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-notice')).toContainText('Added to your cart')
  await page.getByTestId('cart-link').click()
  const total = page.getByTestId('total')
  const one = await total.innerText()

  const qty = page.getByTestId('cart-page').locator('input[type=number]').first()
  await qty.fill('3')
  await qty.blur()
  await expect(total).not.toHaveText(one)
  const amount = (s: string) => Number(s.replace(/[^0-9.]/g, ''))
  // Three thobes at the same unit price: three times the one-thobe total (no shipping yet).
  expect(amount(await total.innerText())).toBeCloseTo(amount(one) * 3, 2)

  await page.getByRole('button', { name: 'Remove' }).first().click()
  await expect(page.getByTestId('empty-cart')).toBeVisible()
})

test("the region chosen prices the catalog in its currency", async ({ page }) => {
  const store = web('dates-coffee.localhost')
  await page.goto(`${store}/products/ajwa-dates`)
  await expect(page.getByTestId('price')).toContainText('SAR')
  await page.getByTestId('region').selectOption({ label: 'United Arab Emirates (AED)' })
  await expect(page.getByTestId('price')).toContainText('AED')
  await page.getByTestId('region').selectOption({ index: 0 })
  await expect(page.getByTestId('price')).toContainText('SAR')
})
