import { graphql } from '../gql'
import type { CallOptions } from './api.server'
import { gql } from './api.server'

// What the API tells a signed-in customer about themselves: their saved addresses and,
// in a b2b store, the company they buy for with their spending limit.

const Profile = graphql(`
  query CustomerProfile {
    me {
      id
      email
      name
      addresses { id firstName lastName address1 address2 city postalCode countryCode phone }
    }
  }
`)

// A buyer sees its own company and, among its employees, only its own row.
const Buyer = graphql(`
  query BuyerCompany {
    me { id }
    companies(first: 1) {
      edges {
        node {
          id
          name
          currencyCode
          approval
          approvalThreshold
          paymentTerms
          employees(first: 50) { edges { node { userID role status spendingLimit spendingPeriod } } }
        }
      }
    }
  }
`)

export type Profile = NonNullable<Awaited<ReturnType<typeof profile>>>
export type SavedAddress = Profile['addresses'][number]

export type Buyer = {
  company: string
  currencyCode: string
  role: string
  spendingLimit: number | null
  spendingPeriod: string | null
  approval: string
  approvalThreshold: number | null
  /** net_30: the company's orders are invoiced, not paid at checkout. */
  paymentTerms: string
}

export async function profile(opts: CallOptions) {
  const { me } = await gql(Profile, {}, opts)
  return me ? { ...me, addresses: me.addresses ?? [] } : null
}

/** buyer is the customer's company and own employee row, or null when they buy for none. */
export async function buyer(opts: CallOptions): Promise<Buyer | null> {
  const { me, companies } = await gql(Buyer, {}, opts)
  const co = companies.edges?.[0]?.node
  const row = co?.employees.edges?.map((e) => e?.node).find((n) => n?.userID === me?.id)
  if (!co || !row || row.status !== 'active') return null
  return {
    company: co.name,
    currencyCode: co.currencyCode,
    role: row.role,
    spendingLimit: row.spendingLimit ?? null,
    spendingPeriod: row.spendingPeriod ?? null,
    approval: co.approval,
    approvalThreshold: co.approvalThreshold ?? null,
    paymentTerms: co.paymentTerms,
  }
}
