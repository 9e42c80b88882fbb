import { useEffect, useRef, useState } from 'react'
import { safeURL } from '../shop/theme'

/**
 * ProductImage shows the product's picture, or a tile in the store's colours with the
 * product's initials when there is none or it does not load (the demo catalog's image
 * hosts do not exist).
 */
export function ProductImage({ src, alt, title }: { src?: string | null; alt: string; title: string }) {
  const url = safeURL(src)
  const [failed, setFailed] = useState(false)
  const img = useRef<HTMLImageElement>(null)
  // An image that failed before the page hydrated fired its error event unheard.
  useEffect(() => {
    const el = img.current
    if (el && el.complete && el.naturalWidth === 0) setFailed(true)
  }, [url])
  if (!url || failed) {
    const initials = title
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w))
      .slice(0, 2)
      .map((w) => w.charAt(0))
      .join('')
    return (
      <div className="tile" role="img" aria-label={alt}>
        {initials}
      </div>
    )
  }
  return <img ref={img} className="tile photo" src={url} alt={alt} loading="lazy" onError={() => setFailed(true)} />
}
