// A few seconds' memory of public answers (which store an address is, its regions), shared
// by every request of this server: a page then costs one API call for its catalog instead
// of three. Nothing a shopper owns goes in here. A store that changes status is seen here
// within the TTL (STOREFRONT_PUBLIC_CACHE_MS, default 2000; 0 turns it off).

const ttl = Number(process.env.STOREFRONT_PUBLIC_CACHE_MS ?? 2000)
const maxEntries = 5000

type Entry = { until: number; value: Promise<unknown> }
const entries = new Map<string, Entry>()

export function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (ttl <= 0) return load()
  const now = Date.now()
  const hit = entries.get(key)
  if (hit && hit.until > now) return hit.value as Promise<T>
  if (entries.size >= maxEntries) entries.clear()
  const value = load()
  entries.set(key, { until: now + ttl, value })
  // A failure is not remembered: the next request asks again.
  value.catch(() => entries.delete(key))
  return value
}
