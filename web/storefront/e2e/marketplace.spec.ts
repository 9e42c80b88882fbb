import { expect, test } from '@playwright/test'
import { web } from './demo'

// The souq is a marketplace: its products are sold by its vendors, and say so.
test('souq shows each product’s vendor on the grid and the product page', async ({ page }) => {
  const souq = web('souq.localhost')
  await page.goto(`${souq}/`)
  const grid = page.getByTestId('product-grid')
  await expect(grid.locator('li[data-handle="najd-brass-dallah"] .vendor')).toHaveText('Sold by Najd Crafts')
  await expect(grid.locator('li[data-handle="hejaz-saffron"] .vendor')).toHaveText('Sold by Hejaz Spices')
  await page.goto(`${souq}/products/hejaz-cardamom-coffee`)
  await expect(page.getByTestId('product-page').locator('.vendor')).toHaveText('Sold by Hejaz Spices')
  // A single-seller store names no vendor.
  await page.goto(`${web('saudi-traditional.localhost')}/`)
  await expect(page.getByTestId('product-grid').locator('.vendor')).toHaveCount(0)
})
