// Subscribes with the npm graphql-ws client and prints what happens as JSON lines:
// {"connected":true}, then {"next": <result>} per event, {"error": …} or {"closed": …}.
// It exits after COUNT results, or at the first error or close.
// Usage: URL=ws://…/graphql TOKEN=… QUERY='subscription …' COUNT=1 node subscribe.mjs
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { URL, TOKEN, QUERY, COUNT = '1' } = process.env;
const out = (v) => process.stdout.write(JSON.stringify(v) + '\n');

const client = createClient({
  url: URL,
  webSocketImpl: WebSocket,
  lazy: false,
  retryAttempts: 0,
  connectionParams: TOKEN ? { Authorization: `Bearer ${TOKEN}` } : {},
  on: {
    connected: () => out({ connected: true }),
    closed: (e) => out({ closed: { code: e.code, reason: e.reason } }),
  },
});

let left = Number(COUNT);
client.subscribe(
  { query: QUERY },
  {
    next: (result) => {
      out({ next: result });
      if (--left === 0) {
        client.dispose();
        process.exit(0);
      }
    },
    error: (err) => {
      out({ error: Array.isArray(err) ? err : { message: String(err?.message ?? err), code: err?.code, reason: err?.reason } });
      process.exit(0);
    },
    complete: () => {
      out({ complete: true });
      process.exit(0);
    },
  },
);
