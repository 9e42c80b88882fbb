import { useState } from 'react'
import { ProductImage } from './ProductImage'

export type Picture = { url: string; alt: string }

/**
 * Gallery shows one large picture and the others as thumbnails to pick from. The chosen
 * variant's own pictures come first when it has them (a colour, say), else the product's.
 */
export function Gallery({ pictures, title }: { pictures: Picture[]; title: string }) {
  const [shown, setShown] = useState(0)
  const main = pictures[Math.min(shown, pictures.length - 1)]
  return (
    <div className="gallery" data-testid="gallery">
      <ProductImage src={main?.url} alt={main?.alt || title} title={title} />
      {pictures.length > 1 ? (
        <ul className="thumbs">
          {pictures.map((p, i) => (
            <li key={`${i}:${p.url}`}>
              <button type="button" className={i === shown ? 'thumb on' : 'thumb'} onClick={() => setShown(i)} aria-label={p.alt || `${title} ${i + 1}`} aria-pressed={i === shown}>
                <ProductImage src={p.url} alt="" title={title} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
