import { createServerFn } from '@tanstack/react-start'
import { graphql } from '../gql'
import type { AddressInput } from '../gql/graphql'
import { buyer, profile, type Buyer, type Profile } from '../server/account.server'
import { gql } from '../server/api.server'
import { adoptCart, forgetCart } from '../server/cart.server'
import { callOptions } from '../server/request.server'
import { asCustomer, dropSession, keepSession, readSession, type Auth } from '../server/session.server'
import { ApiError, errorPayload, type ErrorPayload } from './errors'
import { customerOf, type Customer } from './session'
import { where, type Where } from './where'

const Login = graphql(`
  mutation CustomerLogin($email: String!, $password: String!) {
    customerLogin(email: $email, password: $password) { accessToken refreshToken expiresAt user { email name } }
  }
`)

const Register = graphql(`
  mutation RegisterCustomer($input: RegisterCustomerInput!) {
    registerCustomer(input: $input) { accessToken refreshToken expiresAt user { email name } }
  }
`)

const Logout = graphql(`
  mutation CustomerLogout($refreshToken: String) {
    logout(refreshToken: $refreshToken)
  }
`)

const AddAddress = graphql(`
  mutation AddCustomerAddress($input: AddressInput!) {
    addCustomerAddress(input: $input) { id }
  }
`)

const DeleteAddress = graphql(`
  mutation DeleteCustomerAddress($id: ID!) {
    deleteCustomerAddress(id: $id)
  }
`)

const Approvals = graphql(`
  query MyApprovalRequests {
    approvalRequests(first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {
      edges { node { id status reasons total currencyCode createdAt expiresAt orderID } }
    }
  }
`)

export type Approval = { id: string; status: string; reasons: string[]; total: number; currencyCode: string; createdAt: string; orderID?: string | null }
export type Account = { profile: Profile; buyer: Buyer | null; approvals: Approval[] }
type Result = { customer?: Customer; error?: ErrorPayload }

const text = (v: unknown, max: number) => String(v ?? '').slice(0, max)
const credentials = (d: Where & { regionId: string | null; email: string; password: string }) => ({
  ...where(d),
  regionId: d.regionId ? String(d.regionId) : null,
  email: text(d.email, 320).trim(),
  password: text(d.password, 200),
})

/** signedIn keeps the session and makes the guest cart the customer's. */
async function signedIn(d: Where & { regionId: string | null }, auth: Auth): Promise<Result> {
  const s = keepSession(d.tenantId, auth)
  if (d.regionId) await adoptCart(callOptions(d.base, s.access), d.storeId, d.regionId).catch(() => forgetCart(d.storeId))
  return { customer: customerOf(s) ?? undefined }
}

/** Signs a customer in to the tenant of the page's store (customer accounts are per tenant). */
export const signIn = createServerFn({ method: 'POST' })
  .validator(credentials)
  .handler(async ({ data }): Promise<Result> => {
    try {
      const { customerLogin } = await gql(Login, { email: data.email, password: data.password }, callOptions(data.base))
      return await signedIn(data, customerLogin)
    } catch (e) {
      // The API's "wrong e-mail or password" (UNAUTHENTICATED) is the page's to word.
      return { error: errorPayload(e) }
    }
  })

export const signUp = createServerFn({ method: 'POST' })
  .validator((d: Where & { regionId: string | null; email: string; password: string; name: string }) => ({ ...credentials(d), name: text(d.name, 200).trim() }))
  .handler(async ({ data }): Promise<Result> => {
    try {
      const input = { email: data.email, password: data.password, name: data.name || null }
      const { registerCustomer } = await gql(Register, { input }, callOptions(data.base))
      return await signedIn(data, registerCustomer)
    } catch (e) {
      return { error: errorPayload(e) }
    }
  })

/** Ends the session at the API (its refresh chain) and here; the cart was the customer's, so it goes too. */
export const signOut = createServerFn({ method: 'POST' })
  .validator(where)
  .handler(async ({ data }) => {
    const s = readSession(data.tenantId)
    // The refresh token alone revokes its chain (the access token may have expired).
    if (s) await gql(Logout, { refreshToken: s.refresh }, callOptions(data.base)).catch(() => null)
    dropSession(data.tenantId)
    forgetCart(data.storeId)
    return true
  })

export const loadAccount = createServerFn({ method: 'GET' })
  .validator((d: Where & { b2b: boolean }) => ({ ...where(d), b2b: d.b2b === true }))
  .handler(async ({ data }): Promise<{ account: Account | null; error?: ErrorPayload }> => {
    try {
      return await asCustomer(data, async (opts) => {
        const me = await profile(opts)
        if (!me) return { account: null }
        const company = data.b2b ? await buyer(opts) : null
        const approvals = company ? ((await gql(Approvals, {}, opts)).approvalRequests.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])) : []
        return { account: { profile: me, buyer: company, approvals } }
      })
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') return { account: null }
      return { account: null, error: errorPayload(e) }
    }
  })

const address = (a: AddressInput): AddressInput => ({
  firstName: text(a?.firstName, 200),
  lastName: text(a?.lastName, 200),
  address1: text(a?.address1, 500),
  address2: a?.address2 ? text(a.address2, 500) : null,
  city: text(a?.city, 200),
  postalCode: a?.postalCode ? text(a.postalCode, 40) : null,
  countryCode: text(a?.countryCode, 2),
  phone: a?.phone ? text(a.phone, 40) : null,
})

export const addAddress = createServerFn({ method: 'POST' })
  .validator((d: Where & { address: AddressInput }) => ({ ...where(d), address: address(d.address) }))
  .handler(async ({ data }): Promise<{ error?: ErrorPayload }> => {
    try {
      await asCustomer(data, (opts) => gql(AddAddress, { input: data.address }, opts))
      return {}
    } catch (e) {
      return { error: errorPayload(e) }
    }
  })

export const deleteAddress = createServerFn({ method: 'POST' })
  .validator((d: Where & { id: string }) => ({ ...where(d), id: text(d.id, 40) }))
  .handler(async ({ data }): Promise<{ error?: ErrorPayload }> => {
    try {
      await asCustomer(data, (opts) => gql(DeleteAddress, { id: data.id }, opts))
      return {}
    } catch (e) {
      return { error: errorPayload(e) }
    }
  })
