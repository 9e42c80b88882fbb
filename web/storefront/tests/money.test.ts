import { describe, expect, it } from 'vitest'
import { formatMoney, formatNumber, toMinor } from '../src/shop/money'

describe('formatMoney', () => {
  it('reads minor units by the currency’s digits', () => {
    // Intl puts a no-break space between the code and the amount.
    expect(formatMoney(89000, 'SAR', 'en')).toBe('SAR\u00a0890.00')
    expect(formatMoney(1234, 'KWD', 'en')).toBe('KWD\u00a01.234')
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500')
  })
  it('writes Arabic-Indic digits in Arabic', () => {
    const s = formatMoney(89000, 'SAR', 'ar')
    expect(s).toMatch(/٨٩٠/)
    expect(s).not.toMatch(/[0-9]/)
    expect(formatNumber(5, 'ar')).toBe('٥')
  })
})

describe('toMinor', () => {
  it('turns what a shopper types into minor units', () => {
    expect(toMinor('150', 'SAR')).toBe(15000)
    expect(toMinor('149.5', 'SAR')).toBe(14950)
    expect(toMinor('1.5', 'KWD')).toBe(1500)
  })
  it('refuses what is not an amount', () => {
    expect(toMinor('', 'SAR')).toBeUndefined()
    expect(toMinor('-1', 'SAR')).toBeUndefined()
    expect(toMinor('abc', 'SAR')).toBeUndefined()
  })
})
