import { expect, test, type Page } from '@playwright/test'
import { call, customDomain, setStoreStatus, setTenantStatus, stores, tenantSite, web } from './demo'

async function expectStore(page: Page, url: string, name: string, primary: string) {
  const res = await page.goto(url)
  expect(res?.status(), url).toBe(200)
  await expect(page.getByTestId('store-name')).toHaveText(name)
  // The theme is in the server's HTML: the header has the store's colour on first paint.
  await expect(page.getByTestId('store-header')).toHaveCSS('background-color', primary)
  await expect(page.getByTestId('product-grid').locator('li').first()).toBeVisible()
}

for (const s of stores) {
  test(`${s.handle}: by subdomain, platform path and tenant path, in its theme`, async ({ page }, info) => {
    await expectStore(page, `${web(`${s.handle}.localhost`)}/`, s.name, s.primary)
    // Kept as artifacts of the run (e2e/artifacts/screenshots), and attached to the report.
    const shot = `e2e/artifacts/screenshots/${s.handle}.png`
    await page.screenshot({ path: shot, fullPage: true })
    await info.attach(`${s.handle} home`, { path: shot, contentType: 'image/png' })
    await expectStore(page, `${web()}/stores/${s.handle}`, s.name, s.primary)
    await expectStore(page, `${web(`${tenantSite}.localhost`)}/stores/${s.handle}`, s.name, s.primary)
  })
}

test('a verified custom domain serves its store', async ({ page }) => {
  await expectStore(page, `${web(customDomain)}/`, stores[0].name, stores[0].primary)
})

test('the directory lists the stores with their colours, and links to each', async ({ page }) => {
  await page.goto(`${web()}/stores`)
  for (const s of stores) await expect(page.locator(`li[data-store="${s.handle}"]`)).toContainText(s.name)
  await page.locator('li[data-store="oud-perfumes"] a').click()
  await expect(page.getByTestId('store-name')).toHaveText('Oud Perfumes')
  await expect(page).toHaveURL(`${web()}/stores/oud-perfumes`)
})

test('the current_store cookie keeps the shopper in their store on the platform site', async ({ page, context }) => {
  await page.goto(`${web()}/stores/dates-coffee`)
  const cookie = (await context.cookies()).find((c) => c.name === 'current_store')
  expect(cookie?.value).toBe('dates-coffee')
  await page.goto(`${web()}/`)
  await expect(page.getByTestId('store-name')).toHaveText('Dates & Coffee')
  // The cookie never moves a store's own address.
  await page.goto(`${web('home-decor.localhost')}/`)
  await expect(page.getByTestId('store-name')).toHaveText('Home Decor')
  // The directory stays reachable.
  await page.goto(`${web()}/stores`)
  await expect(page.getByTestId('directory')).toBeVisible()
})

test('unknown addresses answer 404 with their own page', async ({ page }) => {
  for (const url of [`${web('no-such-store.localhost')}/`, `${web()}/stores/no-such-store`]) {
    const res = await page.goto(url)
    expect(res?.status(), url).toBe(404)
    await expect(page.getByTestId('store-not_found')).toBeVisible()
  }
})

test('a store in maintenance shows its page with 503, and comes back', async ({ page }) => {
  await setStoreStatus('home-decor', 'maintenance')
  try {
    await expect
      .poll(async () => (await page.goto(`${web('home-decor.localhost')}/`))?.status(), { message: 'the storefront sees the new status' })
      .toBe(503)
    await expect(page.getByTestId('store-maintenance')).toBeVisible()
    await expect(page.getByTestId('store-name')).toHaveText('Home Decor')
    await expect(page.getByTestId('product-grid')).toHaveCount(0)
  } finally {
    await setStoreStatus('home-decor', 'active')
  }
  await expect.poll(async () => (await page.goto(`${web('home-decor.localhost')}/`))?.status()).toBe(200)
})

test('an inactive store answers 404, and a suspended tenant\'s store 503, each with its page', async ({ page }) => {
  await setStoreStatus('modern-fashion', 'inactive')
  try {
    await expect.poll(async () => (await page.goto(`${web('modern-fashion.localhost')}/`))?.status()).toBe(404)
    await expect(page.getByTestId('store-inactive')).toBeVisible()
    await expect(page.getByTestId('product-grid')).toHaveCount(0)
  } finally {
    await setStoreStatus('modern-fashion', 'active')
  }
  await setTenantStatus('gulf-goods', 'suspended')
  try {
    await expect.poll(async () => (await page.goto(`${web('gulf-electronics.localhost')}/`))?.status()).toBe(503)
    await expect(page.getByTestId('store-tenant_suspended')).toBeVisible()
    await expect(page.getByTestId('product-grid')).toHaveCount(0)
  } finally {
    await setTenantStatus('gulf-goods', 'active')
  }
  await expect.poll(async () => (await page.goto(`${web('gulf-electronics.localhost')}/`))?.status()).toBe(200)
})

test('the browser talks to the storefront only, and pages are never cached for others', async ({ page }) => {
  const origins = new Set<string>()
  page.on('request', (r) => {
    if (['fetch', 'xhr', 'websocket', 'eventsource'].includes(r.resourceType())) origins.add(new URL(r.url()).origin)
  })
  const store = web('saudi-traditional.localhost')
  const res = await page.goto(`${store}/products/najdi-heritage-thobe`)
  expect(res?.headers()['cache-control']).toBe('private, no-store')
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-notice')).toBeVisible()
  await page.getByTestId('cart-link').click()
  await expect(page.getByTestId('cart-page')).toBeVisible()
  // Shop data goes through the storefront's server, which names the store from the Host:
  // the page's own requests (the add to cart among them) never leave its origin.
  expect([...origins]).toEqual([store])
  // The cart's id never reaches the page's scripts: it is an httpOnly cookie.
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/cart_/)
})

test("a store's host never shows another store's catalog", async ({ page }) => {
  const dates = await call<{ products: { edges: { node: { handle: string } }[] } }>(
    '{ products(first: 50) { edges { node { handle } } } }',
  ).catch(() => null)
  expect(dates, 'an unnamed store reads nothing').toBeNull()

  await page.goto(`${web('dates-coffee.localhost')}/`)
  const datesHandles = await page.getByTestId('product-grid').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-handle')))
  expect(datesHandles.length).toBeGreaterThan(0)

  // Host beats path: the Saudi Traditional host with Dates & Coffee's path is still Saudi Traditional.
  await page.goto(`${web('saudi-traditional.localhost')}/stores/dates-coffee`)
  await expect(page.getByTestId('store-name')).toHaveText('Saudi Traditional Wear')
  const shown = await page.getByTestId('product-grid').locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-handle')))
  expect(shown.length).toBeGreaterThan(0)
  for (const h of datesHandles) expect(shown).not.toContain(h)

  // Nor a product page of the other store.
  const res = await page.goto(`${web('saudi-traditional.localhost')}/products/${datesHandles[0]}`)
  expect(res?.status()).toBe(404)
})

test('Arabic: right to left, Arabic numerals', async ({ page }) => {
  await page.goto(`${web('saudi-traditional.localhost')}/products/najdi-heritage-thobe`)
  await page.getByTestId('lang').click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.getByTestId('price')).toContainText(/[٠-٩]/)
  await page.getByTestId('lang').click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
})
