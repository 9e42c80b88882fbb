import type { CSSProperties } from 'react'

// A store's themeConfig becomes CSS variables on <html> in the server render, so the
// first paint is already in the store's colours. Anything that is not a #rrggbb colour
// or a plain font name is dropped: the values come from tenant staff and end up in CSS.

export type Theme = {
  colors: { primary?: string | null; secondary?: string | null; accent?: string | null }
  fonts: { heading?: string | null; body?: string | null }
  logo?: string | null
  favicon?: string | null
}

const hex = /^#[0-9a-f]{6}$/i
const font = /^[A-Za-z0-9 -]{1,40}$/

export const platformTheme = { primary: '#0f766e', secondary: '#134e4a' }

export function themeStyle(t: Theme | null | undefined): CSSProperties {
  const c = t?.colors ?? {}
  const vars: Record<string, string> = {
    '--primary': pick(c.primary, hex) ?? platformTheme.primary,
    '--secondary': pick(c.secondary, hex) ?? platformTheme.secondary,
    '--accent': pick(c.accent, hex) ?? pick(c.secondary, hex) ?? platformTheme.secondary,
    '--on-primary': readableOn(pick(c.primary, hex) ?? platformTheme.primary),
  }
  const heading = pick(t?.fonts.heading, font)
  const body = pick(t?.fonts.body, font)
  if (heading) vars['--font-heading'] = `"${heading}", system-ui, sans-serif`
  if (body) vars['--font-body'] = `"${body}", system-ui, sans-serif`
  return vars as CSSProperties
}

function pick(v: string | null | undefined, re: RegExp): string | undefined {
  return v && re.test(v) ? v : undefined
}

/** readableOn picks black or white text for a background colour (WCAG relative luminance). */
export function readableOn(bg: string): string {
  const ch = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
  const l = 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!
  return l > 0.4 ? '#111111' : '#ffffff'
}

/** safeURL keeps http(s) URLs only (logos and favicons come from tenant staff). */
export function safeURL(u: string | null | undefined): string | undefined {
  if (!u) return undefined
  try {
    const p = new URL(u)
    return p.protocol === 'https:' || p.protocol === 'http:' ? p.toString() : undefined
  } catch {
    return undefined
  }
}
