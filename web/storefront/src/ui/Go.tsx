import { useRouter } from '@tanstack/react-router'
import type { AnchorHTMLAttributes, MouseEvent } from 'react'

/**
 * Go is a link to a store-relative address ("{base}/products/x"). The same pages serve a
 * store at a host's root and under /stores/{label}, so targets are built at run time;
 * a plain click navigates in the browser, any modified click behaves like a normal link.
 */
export function Go({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const router = useRouter()
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e)
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    void router.navigate({ href })
  }
  return <a href={href} onClick={click} {...rest} />
}
