// Amounts arrive in minor units; the currency says how many digits that is (SAR 2, KWD 3).

export function formatMoney(minor: number, currency: string, locale: string): string {
  const fmt = new Intl.NumberFormat(locale === 'ar' ? 'ar-SA' : 'en-US', { style: 'currency', currency })
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2
  return fmt.format(minor / 10 ** digits)
}

/** toMinor turns a shopper's "150" or "149.5" into minor units of the currency. */
export function toMinor(major: string, currency: string): number | undefined {
  const n = Number(major)
  if (!Number.isFinite(n) || n < 0 || major.trim() === '') return undefined
  const digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  return Math.round(n * 10 ** digits)
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'ar' ? 'ar-SA' : 'en-US').format(n)
}
