import type { Approval } from '../shop/account.functions'
import { formatMoney } from '../shop/money'
import type { Lang } from '../shop/store.functions'
import { t } from './i18n'

const reasons: Record<string, string> = {
  over_limit: 'over your spending limit',
  approval_required: 'every order of your company needs approval',
  above_threshold: 'above your company’s approval threshold',
}

/** reasonsText says why a checkout waits for approval, in the shopper's language. */
export function reasonsText(lang: Lang, codes: string[]): string {
  return codes.map((r) => t(lang, reasons[r] ?? r)).join(', ')
}

/** A buyer's approval requests: the orders over its limit, waiting for (or decided by) a company admin. */
export function Approvals({ lang, approvals }: { lang: Lang; approvals: Approval[] }) {
  if (approvals.length === 0) return null
  const date = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SA' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
  return (
    <section data-testid="approvals">
      <h2>{t(lang, 'Approval requests')}</h2>
      <table className="lines">
        <tbody>
          {approvals.map((a) => (
            <tr key={a.id} data-request={a.id} data-status={a.status}>
              <td>{t(lang, 'Request {id}', { id: a.id })}</td>
              <td>{date.format(new Date(a.createdAt))}</td>
              <td>{a.status === 'pending' ? t(lang, 'Waiting for approval') : t(lang, a.status)}</td>
              <td>{reasonsText(lang, a.reasons)}</td>
              <td>{formatMoney(a.total, a.currencyCode, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
