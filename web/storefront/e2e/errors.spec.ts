import { expect, test } from '@playwright/test'
import { setStoreStatus, web } from './demo'

// What the API refuses reaches the shopper as a sentence, on the page they are on.

test('asking for more than is left says how many are left', async ({ page }) => {
  await page.goto(`${web('modern-fashion.localhost')}/products/designer-capsule-abaya`)
  await page.getByTestId('quantity').fill('50')
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-notice')).toHaveText(/^Only \d+ left/)
  await expect(page.getByTestId('cart-notice')).toHaveAttribute('role', 'alert')
})

test('a store that closes while the shopper looks says it is closed', async ({ page }) => {
  await page.goto(`${web('oud-perfumes.localhost')}/products/bakhoor-blend`)
  await expect(page.getByTestId('add-to-cart')).toBeEnabled()
  await setStoreStatus('oud-perfumes', 'maintenance')
  try {
    await page.getByTestId('add-to-cart').click()
    await expect(page.getByTestId('cart-notice')).toContainText('This store is closed right now')
  } finally {
    await setStoreStatus('oud-perfumes', 'active')
  }
})
