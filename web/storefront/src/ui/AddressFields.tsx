import type { Lang } from '../shop/store.functions'
import { t } from './i18n'

// The fields of a postal address, as checkout and the account page ask for them.
export const addressFields = [
  ['firstName', 'First name', 'given-name'],
  ['lastName', 'Last name', 'family-name'],
  ['address1', 'Address', 'address-line1'],
  ['city', 'City', 'address-level2'],
  ['postalCode', 'Postal code', 'postal-code'],
  ['countryCode', 'Country', 'country'],
  ['phone', 'Phone', 'tel'],
] as const

export type AddressForm = Record<(typeof addressFields)[number][0], string>

export const blankAddress: AddressForm = { firstName: '', lastName: '', address1: '', city: '', postalCode: '', countryCode: 'SA', phone: '' }

type Saved = { firstName: string; lastName: string; address1: string; city: string; postalCode?: string | null; countryCode: string; phone?: string | null }

/** formOf fills the form from a saved or cart address. */
export function formOf(a: Saved | null | undefined): AddressForm {
  if (!a) return blankAddress
  return { firstName: a.firstName, lastName: a.lastName, address1: a.address1, city: a.city, postalCode: a.postalCode ?? '', countryCode: a.countryCode, phone: a.phone ?? '' }
}

export function AddressFields({ lang, value, onChange }: { lang: Lang; value: AddressForm; onChange: (v: AddressForm) => void }) {
  return (
    <>
      {addressFields.map(([name, label, auto]) => (
        <label key={name}>
          {t(lang, label)}
          <input
            name={name}
            autoComplete={auto}
            required={name !== 'postalCode' && name !== 'phone'}
            value={value[name]}
            onChange={(e) => onChange({ ...value, [name]: e.target.value })}
          />
        </label>
      ))}
    </>
  )
}
