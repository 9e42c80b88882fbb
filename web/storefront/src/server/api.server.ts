import type { TypedDocumentString } from '../gql/graphql'
import { ApiError, type ApiErrorShape } from '../shop/errors'

// The API the storefront server talks to. Browsers never call it directly: every
// request goes through a server function, which names the shopper's store from the
// request's own Host header, so a page can only ever read the store it is served for.
export const apiURL = process.env.CITYOS_API_URL ?? 'http://localhost:8080/graphql'

/** Where a storefront request says it is: forwarded to the API, resolved there. */
export type StoreAddress = { host: string; path: string; hint: string }

export type CallOptions = {
  store?: StoreAddress
  /** A signed-in customer's or staff member's access token. */
  token?: string
  /** The shopper's address, for the API's per-client rate limits. */
  clientIP?: string
}

export async function gql<TResult, TVars extends Record<string, unknown>>(
  doc: TypedDocumentString<TResult, TVars>,
  variables: TVars,
  opts: CallOptions = {},
): Promise<TResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (opts.store) {
    headers['X-Store-Host'] = opts.store.host
    headers['X-Store-Path'] = opts.store.path
    if (opts.store.hint) headers['X-Store-Hint'] = opts.store.hint
  }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  if (opts.clientIP) headers['X-Forwarded-For'] = opts.clientIP
  let res: Response
  try {
    res = await fetch(apiURL, { method: 'POST', headers, body: JSON.stringify({ query: doc.toString(), variables }) })
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: 'The shop cannot be reached right now.' })
  }
  const body = (await res.json().catch(() => null)) as { data?: TResult; errors?: ApiErrorShape[] } | null
  if (body?.errors?.length) throw ApiError.from(body.errors[0]!)
  if (!res.ok || !body?.data) throw new ApiError({ code: 'UNAVAILABLE', message: `The shop answered ${res.status}.` })
  return body.data
}
