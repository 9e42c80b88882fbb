import { apiPort, webPort } from '../playwright.config'

// The demo's stores as the seed makes them (seed/demo.go): name, primary colour, and the
// tenant whose site serves them under /stores/{handle}.
export const stores = [
  { handle: 'saudi-traditional', name: 'Saudi Traditional Wear', primary: 'rgb(217, 119, 6)' },
  { handle: 'modern-fashion', name: 'Modern Saudi Fashion', primary: 'rgb(59, 130, 246)' },
  { handle: 'home-decor', name: 'Home Decor', primary: 'rgb(21, 128, 61)' },
  { handle: 'oud-perfumes', name: 'Oud Perfumes', primary: 'rgb(17, 17, 17)' },
  { handle: 'dates-coffee', name: 'Dates & Coffee', primary: 'rgb(124, 45, 18)' },
] as const

export const tenantSite = 'saudi-marketplace'
export const customDomain = 'sauditraditions.test'
export const password = 'cityos-demo'

export const web = (host = 'localhost') => `http://${host}:${webPort}`
export const api = `http://127.0.0.1:${apiPort}/graphql`

/** call sends one GraphQL request to the demo API (to set up or inspect what the browser does). */
export async function call<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] }
  if (body.errors?.length || !body.data) throw new Error(`API: ${JSON.stringify(body.errors)}`)
  return body.data
}

export async function login(email: string): Promise<string> {
  const d = await call<{ login: { accessToken: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: email, p: password },
  )
  return d.login.accessToken
}

/** setStoreStatus changes a demo store's status as its tenant admin would. */
export async function setStoreStatus(handle: string, status: 'active' | 'maintenance' | 'inactive'): Promise<void> {
  const token = await login('admin@saudi-marketplace.test')
  const { storeByHandle } = await call<{ storeByHandle: { id: string } }>(
    'query($t: String!, $h: String!) { storeByHandle(tenantHandle: $t, handle: $h) { id } }',
    { t: tenantSite, h: handle },
    token,
  )
  await call('mutation($id: ID!, $s: StoreStatus!) { updateStore(id: $id, input: {status: $s}) { status } }', { id: storeByHandle.id, s: status }, token)
}

/** setTenantStatus changes a demo tenant's status as the platform's admin would. */
export async function setTenantStatus(handle: string, status: 'active' | 'suspended' | 'inactive'): Promise<void> {
  const token = await login('admin@dakkah.test')
  const { tenantByHandle } = await call<{ tenantByHandle: { id: string } }>('query($h: String!) { tenantByHandle(handle: $h) { id } }', { h: handle }, token)
  await call('mutation($id: ID!, $s: TenantStatus!) { setTenantStatus(id: $id, status: $s) { id } }', { id: tenantByHandle.id, s: status }, token)
}
