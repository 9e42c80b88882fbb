import { useState, type FormEvent } from 'react'
import type { SavedAddress } from '../server/account.server'
import { addAddress, deleteAddress } from '../shop/account.functions'
import type { ErrorPayload } from '../shop/errors'
import type { Lang } from '../shop/store.functions'
import type { Where } from '../shop/where'
import { AddressFields, blankAddress, type AddressForm } from './AddressFields'
import { ErrorNote } from './ErrorNote'
import { t } from './i18n'

export function oneLine(a: SavedAddress): string {
  return [`${a.firstName} ${a.lastName}`, a.address1, a.address2, a.city, a.postalCode, a.countryCode].filter(Boolean).join(', ')
}

/** The customer's saved addresses: listed, added, deleted; onChange reloads the account. */
export function Addresses({ at, lang, addresses, onChange }: { at: Where; lang: Lang; addresses: SavedAddress[]; onChange: () => Promise<void> }) {
  const [form, setForm] = useState<AddressForm>(blankAddress)
  const [error, setError] = useState<ErrorPayload | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (f: () => Promise<{ error?: ErrorPayload }>, after?: () => void) => {
    setBusy(true)
    try {
      const r = await f()
      setError(r.error ?? null)
      if (!r.error) {
        after?.()
        await onChange()
      }
    } finally {
      setBusy(false)
    }
  }
  const add = (e: FormEvent) => {
    e.preventDefault()
    const { postalCode, phone, ...rest } = form
    void run(() => addAddress({ data: { ...at, address: { ...rest, postalCode: postalCode || null, phone: phone || null } } }), () => setForm(blankAddress))
  }
  return (
    <section data-testid="addresses">
      <h2>{t(lang, 'Addresses')}</h2>
      <ErrorNote error={error} />
      {addresses.length === 0 ? <p className="muted">{t(lang, 'No saved addresses yet.')}</p> : null}
      <ul className="saved">
        {addresses.map((a) => (
          <li key={a.id} data-address={a.id}>
            <span>{oneLine(a)}</span>{' '}
            <button type="button" className="link" disabled={busy} onClick={() => void run(() => deleteAddress({ data: { ...at, id: a.id } }))}>
              {t(lang, 'Delete')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="address" data-testid="address-form">
        <AddressFields lang={lang} value={form} onChange={setForm} />
        <button type="submit" disabled={busy}>
          {t(lang, 'Add address')}
        </button>
      </form>
    </section>
  )
}
