import { describe, expect, it } from 'vitest'
import { readableOn, safeURL, themeStyle } from '../src/shop/theme'

describe('themeStyle', () => {
  it('sets the store’s colours and fonts as CSS variables', () => {
    const s = themeStyle({ colors: { primary: '#d97706', secondary: '#92400e' }, fonts: { heading: 'Tajawal', body: 'Inter' } }) as Record<string, string>
    expect(s['--primary']).toBe('#d97706')
    expect(s['--secondary']).toBe('#92400e')
    expect(s['--accent']).toBe('#92400e')
    expect(s['--font-heading']).toContain('"Tajawal"')
  })
  it('drops values that could break out of CSS', () => {
    const s = themeStyle({
      colors: { primary: 'red;background:url(//evil)', secondary: '#12345' },
      fonts: { heading: 'x";}body{display:none' },
    }) as Record<string, string>
    expect(s['--primary']).toBe('#0f766e')
    expect(s['--secondary']).toBe('#134e4a')
    expect(s['--font-heading']).toBeUndefined()
  })
  it('picks readable text on the primary colour', () => {
    expect(readableOn('#111111')).toBe('#ffffff')
    expect(readableOn('#fef3c7')).toBe('#111111')
  })
})

describe('safeURL', () => {
  it('keeps http(s) only', () => {
    expect(safeURL('https://cdn.example.com/logo.png')).toBe('https://cdn.example.com/logo.png')
    expect(safeURL('javascript:alert(1)')).toBeUndefined()
    expect(safeURL('data:image/svg+xml,<svg/>')).toBeUndefined()
    expect(safeURL('not a url')).toBeUndefined()
  })
})
