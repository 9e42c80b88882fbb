import { defineConfig } from 'vitest/config'

// Unit tests of the storefront's pure parts; the pages are tested in Chromium (e2e/).
export default defineConfig({ test: { include: ['tests/**/*.test.ts'], environment: 'node' } })
