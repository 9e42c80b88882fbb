import { useRouter } from '@tanstack/react-router'
import { forgetShop } from '../shop/context'
import { setPreference, type Shop } from '../shop/store.functions'
import { displayName } from '../shop/session'
import { safeURL } from '../shop/theme'
import { Go } from './Go'
import { t } from './i18n'

export function Header({ shop }: { shop: Shop }) {
  const router = useRouter()
  const store = shop.kind === 'platform' ? null : shop.store
  const base = shop.kind === 'platform' ? '' : shop.base
  const logo = safeURL(store?.theme?.logo)
  const choose = async (name: 'lang' | 'region', value: string) => {
    await setPreference({ data: { name, value } })
    forgetShop()
    await router.invalidate()
  }
  return (
    <header className="site-header" data-testid="store-header">
      <div className="bar">
        <a className="brand" href={store ? `${base}/` : '/'}>
          {logo ? <img src={logo} alt="" height={32} /> : null}
          <span data-testid="store-name">{store?.name ?? 'CityOS stores'}</span>
        </a>
        <nav>
          <a href={`${shop.site}/stores`}>{t(shop.lang, 'All stores')}</a>
          {shop.kind === 'open' ? (
            <Go href={`${base}/${shop.customer ? 'account' : 'signin'}`} data-testid="account-link">
              {shop.customer ? displayName(shop.customer) : t(shop.lang, 'Sign in')}
            </Go>
          ) : null}
          {shop.kind === 'open' ? <Go href={`${base}/cart`} data-testid="cart-link">{t(shop.lang, 'Cart')}</Go> : null}
          {shop.kind === 'open' && shop.regions.length > 1 ? (
            <label className="inline">
              <span className="sr-only">{t(shop.lang, 'Region')}</span>
              <select value={shop.region?.id} onChange={(e) => void choose('region', e.target.value)} data-testid="region">
                {shop.regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({r.currencyCode})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button type="button" className="link" onClick={() => void choose('lang', shop.lang === 'ar' ? 'en' : 'ar')} data-testid="lang">
            {shop.lang === 'ar' ? 'English' : 'العربية'}
          </button>
        </nav>
      </div>
    </header>
  )
}
