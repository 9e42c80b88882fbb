import type { ErrorPayload } from '../shop/errors'

/** ErrorNote shows an API error as the shopper should read it, with the changed lines of CART_CHANGED. */
export function ErrorNote({ error }: { error: ErrorPayload | null | undefined }) {
  if (!error) return null
  return (
    <div role="alert" className="error" data-testid="error" data-code={error.code}>
      <p>{error.message}</p>
      {error.lines?.length ? (
        <ul>
          {error.lines.map((l) => (
            <li key={l.lineItemId}>
              {l.title}: {l.change === 'UNAVAILABLE' ? 'no longer available, removed from your cart' : 'its price changed'}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
