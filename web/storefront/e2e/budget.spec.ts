import { expect, test } from '@playwright/test'
import { gzipSync } from 'node:zlib'
import { web } from './demo'

// The product grid's first load ships at most 150 KB of JavaScript, gzipped.
const budget = 150 * 1024

test('the grid page loads at most 150 KB of JavaScript (gzip)', async ({ page }) => {
  const scripts = new Map<string, number>()
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return
    const body = await res.body().catch(() => null)
    if (body) scripts.set(res.url(), gzipSync(body, { level: 9 }).length)
  })
  await page.goto(`${web('saudi-traditional.localhost')}/`, { waitUntil: 'networkidle' })
  await expect(page.getByTestId('product-grid').locator('li').first()).toBeVisible()
  const total = [...scripts.values()].reduce((a, b) => a + b, 0)
  expect(scripts.size, 'the page loads its scripts').toBeGreaterThan(0)
  test.info().annotations.push({ type: 'first-load JS (gzip)', description: `${(total / 1024).toFixed(1)} KB in ${scripts.size} files` })
  console.log(`grid first-load JS: ${(total / 1024).toFixed(1)} KB gzip in ${scripts.size} files`)
  expect(total).toBeLessThanOrEqual(budget)
})
