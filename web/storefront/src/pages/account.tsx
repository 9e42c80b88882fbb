import { redirect, useRouter } from '@tanstack/react-router'
import { loadAccount, signOut, type Account } from '../shop/account.functions'
import { forgetShop } from '../shop/context'
import { loadOrders, type OrdersPage } from '../shop/orders.functions'
import type { Shop } from '../shop/store.functions'
import { whereOf } from '../shop/where'
import { Addresses } from '../ui/Addresses'
import { Approvals } from '../ui/Approvals'
import { BuyerCard } from '../ui/BuyerCard'
import { ErrorNote } from '../ui/ErrorNote'
import { t } from '../ui/i18n'
import { OrderHistory } from '../ui/OrderHistory'

type Open = Extract<Shop, { kind: 'open' }>
export type AccountData = { account: Account; orders: OrdersPage }

/** accountLoader reads the signed-in customer's account; without one it sends the shopper to sign in. */
export async function accountLoader(shop: Shop): Promise<AccountData | null> {
  if (shop.kind !== 'open') return null
  const at = whereOf(shop)
  const [a, orders] = await Promise.all([loadAccount({ data: { ...at, b2b: shop.store.storefrontType === 'b2b' } }), loadOrders({ data: at })])
  if (!a.account) {
    if (a.error) throw new Error(a.error.message)
    throw redirect({ href: `${shop.base}/signin` })
  }
  return { account: a.account, orders }
}

export function AccountPage({ shop, data }: { shop: Open; data: AccountData }) {
  const router = useRouter()
  const at = whereOf(shop)
  const { profile, buyer, approvals } = data.account
  const out = async () => {
    await signOut({ data: at })
    forgetShop()
    await router.navigate({ href: `${shop.base}/` })
  }
  return (
    <main className="page account" data-testid="account-page">
      <h1>{t(shop.lang, 'Your account')}</h1>
      <p>
        <span data-testid="account-email">{t(shop.lang, 'Signed in as {e}', { e: profile.name ? `${profile.name} <${profile.email}>` : profile.email })}</span>{' '}
        <button type="button" className="link" onClick={() => void out()} data-testid="sign-out">
          {t(shop.lang, 'Sign out')}
        </button>
      </p>
      <ErrorNote error={data.orders.error} />
      {buyer ? <BuyerCard buyer={buyer} lang={shop.lang} /> : null}
      <Approvals lang={shop.lang} approvals={approvals} />
      <OrderHistory key={data.orders.orders[0]?.id ?? 'none'} at={at} lang={shop.lang} first={data.orders} />
      <Addresses at={at} lang={shop.lang} addresses={profile.addresses} onChange={() => router.invalidate()} />
    </main>
  )
}
