import { useMemo, useState } from 'react'
import { addToCart } from '../shop/cart.functions'
import { loadProduct } from '../shop/catalog.functions'
import type { ErrorPayload } from '../shop/errors'
import { formatMoney, formatNumber } from '../shop/money'
import type { Shop } from '../shop/store.functions'
import { Go } from '../ui/Go'
import { t } from '../ui/i18n'
import { Gallery, type Picture } from '../ui/Gallery'
import { whereOf } from '../shop/where'

type Open = Extract<Shop, { kind: 'open' }>
export type ProductData = NonNullable<Awaited<ReturnType<typeof loadProduct>>>
type Variant = NonNullable<ProductData['variants']>[number]

export function productLoader(shop: Shop, handle: string) {
  if (shop.kind !== 'open') return null
  return loadProduct({ data: { base: shop.base, handle, regionId: shop.region?.id ?? null } })
}

/** "Only N left" shows below this many units. */
const fewLeft = 10

function stockLine(v: Variant, lang: Open['lang']): { text: string; out: boolean } {
  if (!v.manageInventory || v.allowBackorder) return { text: t(lang, 'In stock'), out: false }
  if (v.availableQuantity <= 0) return { text: t(lang, 'Out of stock'), out: true }
  if (v.availableQuantity < fewLeft) return { text: t(lang, 'Only {n} left', { n: formatNumber(v.availableQuantity, lang) }), out: false }
  return { text: t(lang, 'In stock'), out: false }
}

export function ProductPage({ shop, product }: { shop: Open; product: ProductData }) {
  const variants = product.variants ?? []
  const options = product.options ?? []
  const [chosen, setChosen] = useState<Record<string, string>>(() => ({ ...((variants[0]?.optionValues as Record<string, string> | null) ?? {}) }))
  const variant = useMemo(
    () => variants.find((v) => options.every((o) => (v.optionValues as Record<string, string> | null)?.[o.title] === chosen[o.title])) ?? (options.length ? undefined : variants[0]),
    [variants, options, chosen],
  )
  const [qty, setQty] = useState(1)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)
  const stock = variant ? stockLine(variant, shop.lang) : null
  // The chosen variant's own pictures (a colour) first, then the product's gallery.
  const pictures: Picture[] = [...(variant?.images ?? []), ...product.images]
  if (pictures.length === 0 && product.thumbnail) pictures.push({ url: product.thumbnail, alt: product.title })

  const add = async () => {
    if (!variant || !shop.region) return
    setBusy(true)
    setNotice(null)
    try {
      const r = await addToCart({ data: { ...whereOf(shop), regionId: shop.region.id, variantId: variant.id, quantity: qty } })
      setNotice(r.error ? { ok: false, text: (r.error as ErrorPayload).message } : { ok: true, text: t(shop.lang, 'Added to your cart.') })
    } finally {
      setBusy(false)
    }
  }

  const facts: [string, string | null | undefined][] = [
    ['Type', product.productType],
    ['Material', product.material],
    ['Made in', product.originCountry],
    ['SKU', variant?.sku],
    ['Weight', variant?.weight ? `${formatNumber(variant.weight, shop.lang)} g` : null],
    ['Size', variant?.length && variant.width && variant.height ? `${variant.length} × ${variant.width} × ${variant.height} mm` : null],
  ]

  return (
    <main className="page product" data-testid="product-page">
      <div className="media">
        <Gallery key={variant?.id ?? 'product'} pictures={pictures} title={product.title} />
      </div>
      <div className="details">
        <h1>{product.title}</h1>
        {product.subtitle ? <p className="subtitle">{product.subtitle}</p> : null}
        {product.vendor ? <p className="vendor">{t(shop.lang, 'Sold by {v}', { v: product.vendor.name })}</p> : null}
        <p className="price" data-testid="price">
          {variant?.calculatedPrice ? formatMoney(variant.calculatedPrice.amount, variant.calculatedPrice.currencyCode, shop.lang) : '—'}
        </p>
        {options.map((o) => (
          <fieldset key={o.id} className="option">
            <legend>{o.title}</legend>
            {o.values.map((val) => (
              <label key={val} className={chosen[o.title] === val ? 'chip on' : 'chip'}>
                <input type="radio" name={o.title} value={val} checked={chosen[o.title] === val} onChange={() => setChosen({ ...chosen, [o.title]: val })} />
                {val}
              </label>
            ))}
          </fieldset>
        ))}
        {stock ? (
          <p className={stock.out ? 'stock out' : 'stock'} data-testid="stock">
            {stock.text}
          </p>
        ) : null}
        <div className="buy">
          <label>
            {t(shop.lang, 'Quantity')}{' '}
            <input type="number" min={1} max={1000} value={qty} onChange={(e) => setQty(Math.max(1, Math.trunc(Number(e.target.value)) || 1))} data-testid="quantity" />
          </label>
          <button type="button" className="primary" disabled={!variant || stock?.out || busy} onClick={() => void add()} data-testid="add-to-cart">
            {t(shop.lang, 'Add to cart')}
          </button>
        </div>
        {notice ? (
          <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'notice' : 'error'} data-testid="cart-notice">
            {notice.text} {notice.ok ? <Go href={`${shop.base}/cart`}>{t(shop.lang, 'Cart')} →</Go> : null}
          </p>
        ) : null}
        {product.description ? <p className="description">{product.description}</p> : null}
        <dl className="facts">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </div>
    </main>
  )
}
