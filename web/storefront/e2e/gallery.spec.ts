import { expect, test } from '@playwright/test'
import { web } from './demo'

test("a product's gallery follows the chosen variant, and the grid shows each product's first picture", async ({ page }) => {
  const store = web('home-decor.localhost')
  await page.goto(`${store}/`)
  // The demo's image hosts do not exist: the tile stands in, named by the picture's alt text.
  await expect(page.locator('li[data-handle="velvet-prayer-mat"] [role=img]')).toHaveAttribute('aria-label', /prayer mat/i)

  await page.goto(`${store}/products/velvet-prayer-mat`)
  const main = page.getByTestId('gallery').locator('.tile').first()
  await expect(main).toHaveAttribute('aria-label', 'The green prayer mat laid out, with its arch pattern')
  // The variant's two pictures, then the product's own.
  expect(await page.getByTestId('gallery').locator('.thumbs li').count()).toBeGreaterThan(2)

  await page.getByText('Burgundy', { exact: true }).click()
  await expect(main).toHaveAttribute('aria-label', 'The burgundy prayer mat laid out, with its arch pattern')
  await page.getByTestId('gallery').locator('.thumbs button').nth(1).click()
  await expect(main).toHaveAttribute('aria-label', 'Burgundy velvet pile, close up')
})
