import { useEffect, useRef, useState } from 'react'

// Stripe.js, loaded from Stripe as Stripe requires (never bundled): the card details go
// from the shopper's browser to Stripe, never through the storefront or the API.
type StripeElement = { mount(el: HTMLElement): void; destroy(): void }
type StripeElements = { create(kind: 'payment'): StripeElement }
type StripeJS = {
  elements(o: { clientSecret: string }): StripeElements
  confirmPayment(o: { elements: StripeElements; redirect: 'if_required'; confirmParams: { return_url: string } }): Promise<{ error?: { message?: string } }>
}
declare global {
  interface Window {
    Stripe?: (publishableKey: string) => StripeJS
  }
}

export const stripeJS = 'https://js.stripe.com/v3/'

function loadStripe(): Promise<NonNullable<Window['Stripe']>> {
  if (window.Stripe) return Promise.resolve(window.Stripe)
  return new Promise((resolve, reject) => {
    const s = document.createElement('script')
    s.src = stripeJS
    s.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error('Stripe.js did not load')))
    s.onerror = () => reject(new Error('Stripe.js did not load'))
    document.head.appendChild(s)
  })
}

/**
 * CardPayment mounts Stripe's Payment Element for the session's client secret and, on
 * Pay, confirms it in the browser (3-D Secure included); onPaid then places the order.
 */
export function CardPayment({ publishableKey, clientSecret, disabled, label, onPaid }: { publishableKey: string; clientSecret: string; disabled: boolean; label: string; onPaid: () => Promise<void> }) {
  const mount = useRef<HTMLDivElement>(null)
  const [stripe, setStripe] = useState<{ js: StripeJS; elements: StripeElements } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    let element: StripeElement | undefined
    let gone = false
    loadStripe()
      .then((Stripe) => {
        if (gone || !mount.current) return
        const js = Stripe(publishableKey)
        const elements = js.elements({ clientSecret })
        element = elements.create('payment')
        element.mount(mount.current)
        setStripe({ js, elements })
      })
      .catch(() => setError('Card payments cannot load right now. Please try again, or pay on delivery.'))
    return () => {
      gone = true
      element?.destroy()
    }
  }, [publishableKey, clientSecret])
  const pay = async () => {
    if (!stripe) return
    setBusy(true)
    setError(null)
    try {
      const r = await stripe.js.confirmPayment({ elements: stripe.elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } })
      if (r.error) setError(r.error.message ?? 'The payment did not go through.')
      else await onPaid()
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="card-payment" data-testid="card-payment">
      <div ref={mount} data-testid="card-element" />
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="button" className="primary" disabled={disabled || busy || !stripe} onClick={() => void pay()} data-testid="pay-card">
        {label}
      </button>
    </div>
  )
}
