// API errors carry a machine code in extensions.code; the storefront turns the ones a
// shopper can meet into sentences, and keeps the rest generic.
export type ApiErrorShape = {
  message: string
  path?: (string | number)[]
  extensions?: { code?: string; field?: string; lines?: ChangedLine[]; approvalRequestId?: string; reasons?: string[]; [k: string]: unknown }
}

export type ChangedLine = {
  lineItemId: string
  title: string
  sku: string
  change: 'PRICE' | 'UNAVAILABLE'
  oldUnitPrice?: number
  newUnitPrice?: number
}

export type ErrorPayload = {
  code: string
  message: string
  field?: string
  lines?: ChangedLine[]
  /** AWAITING_APPROVAL: the request that holds the cart, and why it waits (over_limit, …). */
  approvalRequestId?: string
  reasons?: string[]
}

export class ApiError extends Error {
  readonly code: string
  readonly field?: string
  readonly lines?: ChangedLine[]
  readonly approvalRequestId?: string
  readonly reasons?: string[]

  constructor(p: ErrorPayload) {
    super(p.message)
    this.code = p.code
    this.field = p.field
    this.lines = p.lines
    this.approvalRequestId = p.approvalRequestId
    this.reasons = p.reasons
  }

  static from(e: ApiErrorShape): ApiError {
    const x = e.extensions ?? {}
    const code = x.code ?? 'INTERNAL'
    const reasons = Array.isArray(x.reasons) ? x.reasons.filter((r): r is string => typeof r === 'string') : undefined
    const approvalRequestId = typeof x.approvalRequestId === 'string' ? x.approvalRequestId : undefined
    return new ApiError({ code, message: readable(code, e.message), field: x.field, lines: x.lines, approvalRequestId, reasons })
  }
}

const sentences: Record<string, string> = {
  STORE_CLOSED: 'This store is closed right now: nothing can be bought until it opens again.',
  CART_CHANGED: 'Your cart changed: some prices or items are no longer what they were. Please check it again.',
  PAYMENT_REQUIRES_ACTION: 'Your card payment is not confirmed yet: check the card details and pay again.',
  PAYMENT_PENDING: 'Your bank is still processing the payment: the order is placed as soon as it confirms.',
  AWAITING_APPROVAL: 'This order is over your spending limit: it is waiting for your company admin to approve it.',
  RATE_LIMITED: 'Too many requests: please wait a moment and try again.',
  UNAUTHENTICATED: 'Please sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'That could not be found.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
}

/** readable gives the shopper a sentence for an error code; input errors keep the API's own words. */
export function readable(code: string, message: string): string {
  if (code === 'BAD_USER_INPUT' || code === 'CONFLICT') return sentence(message)
  return sentences[code] ?? message
}

/** A server function's failure as plain data, so it crosses to the browser intact. */
export function errorPayload(e: unknown): ErrorPayload {
  if (e instanceof ApiError) return { code: e.code, message: e.message, field: e.field, lines: e.lines, approvalRequestId: e.approvalRequestId, reasons: e.reasons }
  return { code: 'INTERNAL', message: sentences.INTERNAL! }
}

/** sentence starts the API's lower-case message with a capital, as the page shows it. */
function sentence(m: string): string {
  return m ? m.charAt(0).toUpperCase() + m.slice(1) : m
}

/**
 * cartIsGone says whether a failed read of the shopper's cart means the cart is not
 * theirs to keep (an id the API cannot read), so its cookie may go. Anything else — the
 * API unreachable, rate limiting, failing — says nothing about the cart, and forgetting
 * it then would empty a shopper's basket over a passing outage.
 */
export function cartIsGone(e: unknown): boolean {
  return e instanceof ApiError && (e.code === 'BAD_USER_INPUT' || e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')
}
