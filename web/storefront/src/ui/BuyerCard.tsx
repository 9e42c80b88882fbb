import type { Buyer } from '../server/account.server'
import { formatMoney } from '../shop/money'
import type { Lang } from '../shop/store.functions'
import { t } from './i18n'

/**
 * BuyerCard: the company a b2b buyer buys for, its role and spending limit. The API does
 * not say how much of the period's limit is spent, so neither does the card.
 */
export function BuyerCard({ buyer, lang }: { buyer: Buyer; lang: Lang }) {
  const limit =
    buyer.spendingLimit !== null && buyer.spendingPeriod
      ? t(lang, 'Spending limit: {m} per {p}', { m: formatMoney(buyer.spendingLimit, buyer.currencyCode, lang), p: t(lang, buyer.spendingPeriod) })
      : t(lang, 'No spending limit')
  return (
    <section className="card buyer" data-testid="buyer">
      <p>
        <strong data-testid="buyer-company">{t(lang, 'Buying for {c}', { c: buyer.company })}</strong> · {t(lang, buyer.role === 'company_admin' ? 'Company admin' : 'Buyer')}
      </p>
      <p data-testid="spending-limit">{limit}</p>
      {buyer.paymentTerms === 'net_30' ? <p data-testid="terms">{t(lang, 'Invoiced: your company pays within 30 days of each order.')}</p> : null}
      {buyer.spendingLimit !== null ? <p className="muted">{t(lang, 'Every order over your limit waits for your company admin’s approval.')}</p> : null}
    </section>
  )
}
