import { createServerFn } from '@tanstack/react-start'
import { graphql } from '../gql'
import { apiURL, gql } from '../server/api.server'
import { errorPayload, type ErrorPayload } from './errors'

// The staff page signs in through the storefront's server, then talks to the API's
// WebSocket itself with the access token: a dashboard's live feed is the browser's own
// connection (graphql-ws), as any admin app would hold it.

const Login = graphql(`
  mutation StaffLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) { accessToken user { email name } }
  }
`)

const StaffStores = graphql(`
  query StaffStores {
    stores(first: 100, orderBy: { field: NAME, direction: ASC }) {
      edges { node { id name handle tenant { name } } }
    }
  }
`)

export type StaffSession = { token: string; email: string; stores: { id: string; name: string; tenant: string }[]; wsURL: string }

/** The API's WebSocket address as the browser reaches it (CITYOS_PUBLIC_API_URL when the server sees another). */
function publicWS(): string {
  const u = new URL(process.env.CITYOS_PUBLIC_API_URL ?? apiURL)
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:'
  return u.toString()
}

export const staffSignIn = createServerFn({ method: 'POST' })
  .validator((d: { email: string; password: string }) => ({ email: String(d.email).slice(0, 320), password: String(d.password).slice(0, 200) }))
  .handler(async ({ data }): Promise<{ session?: StaffSession; error?: ErrorPayload }> => {
    try {
      const { login } = await gql(Login, data)
      const { stores } = await gql(StaffStores, {}, { token: login.accessToken })
      const list = (stores.edges ?? []).flatMap((e) => (e?.node ? [{ id: e.node.id, name: e.node.name, tenant: e.node.tenant.name }] : []))
      return { session: { token: login.accessToken, email: login.user.email, stores: list, wsURL: publicWS() } }
    } catch (e) {
      return { error: errorPayload(e) }
    }
  })
