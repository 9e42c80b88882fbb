// Server-rendered grid pages per second: concurrent shoppers asking one store's home page
// from a running storefront (npm run build && npm start, with the API behind it).
//   node bench/ssr.mjs [--url http://127.0.0.1:3000/] [--host saudi-traditional.localhost]
//                      [--concurrency 16] [--seconds 10]
import http from 'node:http'
import { parseArgs } from 'node:util'

const { values: o } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000/' },
    host: { type: 'string', default: 'saudi-traditional.localhost' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '10' },
  },
})

const url = new URL(o.url)
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(o.concurrency) })
const until = Date.now() + Number(o.seconds) * 1000
const latencies = []
let bytes = 0
let failures = 0

function get() {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint()
    const req = http.get({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, agent, headers: { Host: o.host } }, (res) => {
      let n = 0
      res.on('data', (c) => (n += c.length))
      res.on('end', () => {
        if (res.statusCode !== 200) failures++
        else {
          bytes += n
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
        }
        resolve()
      })
    })
    req.on('error', () => {
      failures++
      resolve()
    })
  })
}

async function worker() {
  while (Date.now() < until) await get()
}

const started = Date.now()
await Promise.all(Array.from({ length: Number(o.concurrency) }, worker))
const secs = (Date.now() - started) / 1000
latencies.sort((a, b) => a - b)
const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1) : '-')
console.log(
  JSON.stringify({
    page: `${o.host}${url.pathname}`,
    concurrency: Number(o.concurrency),
    seconds: Number(secs.toFixed(1)),
    pagesPerSecond: Number((latencies.length / secs).toFixed(1)),
    p50ms: Number(pct(50)),
    p99ms: Number(pct(99)),
    avgBytes: latencies.length ? Math.round(bytes / latencies.length) : 0,
    failures,
  }),
)
agent.destroy()
