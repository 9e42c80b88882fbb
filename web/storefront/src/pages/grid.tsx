import { useRouter } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import { loadGrid, maxPageSize, type GridQuery } from '../shop/catalog.functions'
import { formatMoney, formatNumber, toMinor } from '../shop/money'
import type { Shop } from '../shop/store.functions'
import { Go } from '../ui/Go'
import { t } from '../ui/i18n'
import { ProductImage } from '../ui/ProductImage'

type Open = Extract<Shop, { kind: 'open' }>
export type GridData = Awaited<ReturnType<typeof loadGrid>>

/** validateGrid keeps only well-formed search parameters from the URL. */
export function validateGrid(s: Record<string, unknown>): GridQuery {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
  const num = (v: unknown) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN
    return Number.isSafeInteger(n) && n >= 0 ? n : undefined
  }
  const per = num(s.per)
  return { q: str(s.q), tag: str(s.tag), min: num(s.min), max: num(s.max), after: str(s.after), before: str(s.before), per: per && per <= maxPageSize ? per : undefined }
}

export function gridLoader(shop: Shop, query: GridQuery) {
  if (shop.kind !== 'open') return null
  return loadGrid({ data: { base: shop.base, regionId: shop.region?.id ?? null, query } })
}

function cheapest(variants: GridData['products'][number]['variants']) {
  const priced = (variants ?? []).flatMap((v) => (v.calculatedPrice ? [v.calculatedPrice] : []))
  return priced.sort((a, b) => a.amount - b.amount)[0]
}

export function Grid({ shop, data, query }: { shop: Open; data: GridData; query: GridQuery }) {
  const router = useRouter()
  const currency = shop.region?.currencyCode ?? 'SAR'
  const [form, setForm] = useState({ q: query.q ?? '', tag: query.tag ?? '', min: minorToMajor(query.min), max: minorToMajor(query.max) })
  const search = (q: GridQuery) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v))
    const qs = params.toString()
    void router.navigate({ href: `${shop.base}/${qs ? `?${qs}` : ''}` })
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    search({ q: form.q || undefined, tag: form.tag || undefined, min: toMinor(form.min, currency), max: toMinor(form.max, currency), per: query.per })
  }
  const filters = { q: query.q, tag: query.tag, min: query.min, max: query.max, per: query.per }
  return (
    <main className="page">
      <form className="filters" onSubmit={submit} role="search">
        <input aria-label={t(shop.lang, 'Search')} placeholder={t(shop.lang, 'Search')} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} name="q" />
        <input aria-label={t(shop.lang, 'Tag')} placeholder={t(shop.lang, 'Tag')} value={form.tag} onChange={(e) => setForm({ ...form, tag: e.target.value })} name="tag" />
        <input aria-label={t(shop.lang, 'Min price')} placeholder={t(shop.lang, 'Min price')} inputMode="decimal" value={form.min} onChange={(e) => setForm({ ...form, min: e.target.value })} name="min" />
        <input aria-label={t(shop.lang, 'Max price')} placeholder={t(shop.lang, 'Max price')} inputMode="decimal" value={form.max} onChange={(e) => setForm({ ...form, max: e.target.value })} name="max" />
        <button type="submit">{t(shop.lang, 'Filter')}</button>
      </form>
      <p className="muted" data-testid="product-count">
        {t(shop.lang, '{n} products', { n: formatNumber(data.totalCount, shop.lang) })}
      </p>
      <ul className="grid" data-testid="product-grid">
        {data.products.map((p) => {
          const price = cheapest(p.variants)
          const left = (p.variants ?? []).reduce((n, v) => n + Math.max(0, v.availableQuantity), 0)
          return (
            <li key={p.id} className="card" data-handle={p.handle}>
              <Go href={`${shop.base}/products/${p.handle}`}>
                <ProductImage src={p.images[0]?.url ?? p.thumbnail} alt={p.images[0]?.alt || p.title} title={p.title} />
                <h2>{p.title}</h2>
              </Go>
              {p.subtitle ? <p className="muted">{p.subtitle}</p> : null}
              {p.vendor ? <p className="vendor">{t(shop.lang, 'Sold by {v}', { v: p.vendor.name })}</p> : null}
              {p.tags?.length ? (
                <p className="tags">
                  {p.tags.map((tag) => (
                    <Go key={tag} href={`${shop.base}/?tag=${encodeURIComponent(tag)}`} className="tag">
                      {tag}
                    </Go>
                  ))}
                </p>
              ) : null}
              <p className="price">{price ? formatMoney(price.amount, price.currencyCode, shop.lang) : '—'}</p>
              {left === 0 ? <p className="stock out">{t(shop.lang, 'Out of stock')}</p> : null}
            </li>
          )
        })}
      </ul>
      <nav className="pager">
        {data.pageInfo.hasPreviousPage && data.pageInfo.startCursor ? (
          <button type="button" onClick={() => search({ ...filters, before: data.pageInfo.startCursor ?? undefined })} data-testid="previous-page">
            {t(shop.lang, 'Previous')}
          </button>
        ) : null}
        {data.pageInfo.hasNextPage && data.pageInfo.endCursor ? (
          <button type="button" onClick={() => search({ ...filters, after: data.pageInfo.endCursor ?? undefined })} data-testid="next-page">
            {t(shop.lang, 'Next')}
          </button>
        ) : null}
      </nav>
    </main>
  )
}

function minorToMajor(v: number | undefined): string {
  return v === undefined ? '' : String(v / 100)
}
