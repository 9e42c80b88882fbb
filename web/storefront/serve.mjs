// The storefront's production server: the built SSR handler behind a static file server
// for its hashed assets. `npm run build && npm start`; PORT (3000), HOST (0.0.0.0).
import { serve } from 'srvx'
import { staticMiddleware } from 'srvx/static'
import { fileURLToPath } from 'node:url'
import app from './dist/server/server.js'

const dir = fileURLToPath(new URL('./dist/client', import.meta.url))

serve({
  port: Number(process.env.PORT ?? 3000),
  hostname: process.env.HOST ?? '0.0.0.0',
  middleware: [staticMiddleware({ dir })],
  fetch: (req) => app.fetch(req),
})
