import { useRouter } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import { signIn, signUp } from '../shop/account.functions'
import { forgetShop } from '../shop/context'
import type { ErrorPayload } from '../shop/errors'
import type { Shop } from '../shop/store.functions'
import { whereOf } from '../shop/where'
import { ErrorNote } from '../ui/ErrorNote'
import { t } from '../ui/i18n'

type Open = Extract<Shop, { kind: 'open' }>

/** Sign in, or create an account, in the store's tenant; either way the shopper lands on their account. */
export function SignInPage({ shop }: { shop: Open }) {
  const router = useRouter()
  const [error, setError] = useState<ErrorPayload | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = (kind: 'in' | 'up') => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const creds = { ...whereOf(shop), regionId: shop.region?.id ?? null, email: String(f.get('email')), password: String(f.get('password')) }
    setBusy(true)
    try {
      const r = kind === 'in' ? await signIn({ data: creds }) : await signUp({ data: { ...creds, name: String(f.get('name') ?? '') } })
      if (r.error) {
        setError(r.error.code === 'UNAUTHENTICATED' ? { ...r.error, message: t(shop.lang, 'Wrong e-mail or password.') } : r.error)
        return
      }
      // The header's customer comes with the store: the next page asks for it again.
      forgetShop()
      await router.navigate({ href: `${shop.base}/account` })
    } finally {
      setBusy(false)
    }
  }
  return (
    <main className="page account-forms" data-testid="signin-page">
      <ErrorNote error={error} />
      <section>
        <h1>{t(shop.lang, 'Sign in')}</h1>
        <form onSubmit={(e) => void submit('in')(e)} className="stack" data-testid="signin-form">
          <label>
            {t(shop.lang, 'Email')}
            <input name="email" type="email" required autoComplete="username" />
          </label>
          <label>
            {t(shop.lang, 'Password')}
            <input name="password" type="password" required autoComplete="current-password" />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t(shop.lang, 'Sign in')}
          </button>
        </form>
      </section>
      <section>
        <h2>{t(shop.lang, 'Create an account')}</h2>
        <form onSubmit={(e) => void submit('up')(e)} className="stack" data-testid="signup-form">
          <label>
            {t(shop.lang, 'Name')}
            <input name="name" autoComplete="name" />
          </label>
          <label>
            {t(shop.lang, 'Email')}
            <input name="email" type="email" required autoComplete="email" />
          </label>
          <label>
            {t(shop.lang, 'Password')}
            <input name="password" type="password" required minLength={8} autoComplete="new-password" />
            <span className="muted">{t(shop.lang, 'At least 8 characters.')}</span>
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t(shop.lang, 'Create account')}
          </button>
        </form>
      </section>
    </main>
  )
}
