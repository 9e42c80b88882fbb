import { expect, test, type Page } from '@playwright/test'
import { web } from './demo'

const store = web('saudi-traditional.localhost')

const handles = (page: Page) => page.getByTestId('product-grid').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-handle') ?? ''))

test('the grid pages forward and back through the whole catalog', async ({ page }) => {
  await page.goto(`${store}/`)
  const all = await handles(page)
  expect(all.length).toBeGreaterThan(2)

  await page.goto(`${store}/?per=2`)
  const pages: string[][] = []
  for (;;) {
    const shown = await handles(page)
    expect(shown.length).toBeLessThanOrEqual(2)
    pages.push(shown)
    const next = page.getByTestId('next-page')
    if ((await next.count()) === 0) break
    await next.click()
    await expect.poll(() => handles(page)).not.toEqual(shown)
  }
  expect(pages.flat()).toEqual(all)
  // Back from the last page: the page before it.
  await page.getByTestId('previous-page').click()
  await expect.poll(() => handles(page)).toEqual(pages[pages.length - 2])
})

test('search and price filters narrow the grid, in the URL', async ({ page }) => {
  await page.goto(`${store}/`)
  await page.getByRole('searchbox').or(page.getByLabel('Search')).fill('thobe')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/[?&]q=thobe/)
  await expect.poll(() => handles(page)).not.toContain('velvet-prayer-mat')
  expect(await handles(page)).toEqual(expect.arrayContaining(['classic-white-thobe', 'najdi-heritage-thobe']))
  for (const h of await handles(page)) expect(h).toContain('thobe')

  // Prices are typed in the region's currency (SAR): at least 300, at most 500.
  await page.goto(`${store}/`)
  await page.getByLabel('Min price').fill('300')
  await page.getByLabel('Max price').fill('500')
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/min=30000/)
  await expect(page).toHaveURL(/max=50000/)
  await expect.poll(() => handles(page)).not.toContain('velvet-prayer-mat')
  const shown = await handles(page)
  expect(shown).toEqual(expect.arrayContaining(['embroidered-abaya', 'royal-oud-oil-traditional']))
  expect(shown).not.toContain('najdi-heritage-thobe')
})

test("a product's tag narrows the grid to that tag", async ({ page }) => {
  await page.goto(`${store}/`)
  await page.locator('li[data-handle="najdi-heritage-thobe"] .tag', { hasText: 'gift' }).click()
  await expect(page).toHaveURL(/[?&]tag=gift/)
  // The demo's gifts in this store (seed/tags.go), in whatever order the API lists them.
  await expect.poll(async () => (await handles(page)).sort()).toEqual(['najdi-heritage-thobe', 'royal-oud-oil-traditional'])
})
