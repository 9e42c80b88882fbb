import { defineConfig } from '@playwright/test'

// The browser tests run the storefront's production build against `cityos serve --demo`,
// in Debian's Chromium (no browser download). Ports are their own, so a dev server on
// :3000/:8080 can keep running.
export const apiPort = Number(process.env.API_PORT ?? 18080)
export const webPort = Number(process.env.WEB_PORT ?? 13000)

export default defineConfig({
  testDir: 'e2e',
  // The tests share one demo database and change it (orders, a store's status).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // The demo's verified custom domain, served by this machine.
        '--host-resolver-rules=MAP sauditraditions.test 127.0.0.1',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: 'sh e2e/api.sh',
      url: `http://127.0.0.1:${apiPort}/healthz`,
      env: { API_PORT: String(apiPort), API_LOG: process.env.API_LOG ?? `${process.cwd()}/e2e/artifacts/api.log` },
      timeout: 240_000,
      reuseExistingServer: false,
    },
    {
      command: 'node serve.mjs',
      url: `http://localhost:${webPort}/stores`,
      env: {
        PORT: String(webPort),
        CITYOS_API_URL: `http://127.0.0.1:${apiPort}/graphql`,
        CITYOS_PLATFORM_DOMAIN: 'localhost',
        // The API pays cards through stripe-mock (e2e/api.sh); Stripe.js is stood in for in the test.
        STRIPE_PUBLISHABLE_KEY: 'pk_test_e2e',
      },
      timeout: 60_000,
      reuseExistingServer: false,
    },
  ],
})
