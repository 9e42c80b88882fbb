import { defineConfig } from 'vite'
import { tanstackStart } from '@tanstack/react-start/plugin/vite'
import viteReact from '@vitejs/plugin-react'

export default defineConfig({
  // One deployment answers every store's address: subdomains of the platform domain,
  // verified custom domains (any Host), so the dev server must not pin its host names.
  server: { port: 3000, host: true, allowedHosts: true },
  preview: { port: 3000, host: true, allowedHosts: true },
  plugins: [tanstackStart(), viteReact()],
})
