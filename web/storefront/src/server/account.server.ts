import { graphql } from '../gql'
import type { CallOptions } from './api.server'
import { gql } from './api.server'

// What the API tells a signed-in customer about themselves: their saved addresses.

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

export type Profile = NonNullable<Awaited<ReturnType<typeof profile>>>
export type SavedAddress = Profile['addresses'][number]

export async function profile(opts: CallOptions) {
  const { me } = await gql(Profile, {}, opts)
  return me ? { ...me, addresses: me.addresses ?? [] } : null
}
