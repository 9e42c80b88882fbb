import { describe, expect, it } from 'vitest'
import { ApiError, cartIsGone, errorPayload } from '../src/shop/errors'
import { validateGrid } from '../src/pages/grid'

describe('API errors as the shopper reads them', () => {
  it('says what a closed store or a changed cart means', () => {
    expect(ApiError.from({ message: 'store closed', extensions: { code: 'STORE_CLOSED' } }).message).toMatch(/closed right now/)
    const changed = ApiError.from({
      message: 'cart changed',
      extensions: { code: 'CART_CHANGED', lines: [{ lineItemId: '1', title: 'Thobe', sku: 'T', change: 'UNAVAILABLE' }] },
    })
    expect(changed.message).toMatch(/Your cart changed/)
    expect(errorPayload(changed).lines).toHaveLength(1)
  })
  it('keeps the API’s words for input errors and conflicts (out of stock)', () => {
    const e = ApiError.from({ message: 'only 3 of NAJ-1 left', extensions: { code: 'CONFLICT' } })
    expect(e.message).toBe('Only 3 of NAJ-1 left')
    expect(ApiError.from({ message: 'email is invalid', extensions: { code: 'BAD_USER_INPUT', field: 'email' } }).field).toBe('email')
  })
  it('never shows internal messages', () => {
    expect(ApiError.from({ message: 'pq: deadlock', extensions: { code: 'INTERNAL' } }).message).not.toMatch(/pq/)
    expect(errorPayload(new Error('secret detail')).message).not.toMatch(/secret/)
  })
})

describe('grid search parameters', () => {
  it('keeps well-formed filters only', () => {
    expect(validateGrid({ q: ' oud ', tag: 'gift', min: '1000', max: 5000, per: '24' })).toEqual({ q: 'oud', tag: 'gift', min: 1000, max: 5000, after: undefined, before: undefined, per: 24 })
    expect(validateGrid({ min: '-5', max: '1e400', q: '', per: 1000 })).toEqual({ q: undefined, tag: undefined, min: undefined, max: undefined, after: undefined, before: undefined, per: undefined })
  })
})

describe('payment refusals', () => {
  it('tell the shopper what to do, not the processor’s status', () => {
    const e = ApiError.from({ message: 'needs confirmation (requires_payment_method)', extensions: { code: 'PAYMENT_REQUIRES_ACTION' } })
    expect(e.message).toMatch(/not confirmed yet/)
    expect(e.message).not.toMatch(/requires_payment_method/)
  })
})

describe('AWAITING_APPROVAL', () => {
  it('keeps the request that holds the cart and why', () => {
    const e = ApiError.from({
      message: 'the order needs a company admin’s approval',
      extensions: { code: 'AWAITING_APPROVAL', approvalRequestId: '188978561025', reasons: ['over_limit'] },
    })
    expect(errorPayload(e)).toMatchObject({ code: 'AWAITING_APPROVAL', approvalRequestId: '188978561025', reasons: ['over_limit'] })
    expect(e.message).toMatch(/waiting for your company admin/)
  })
})

describe('a cart that could not be read', () => {
  it('is forgotten only when the API says it is not the shopper\'s', () => {
    for (const code of ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN']) {
      expect(cartIsGone(new ApiError({ code, message: 'x' }))).toBe(true)
    }
    for (const code of ['UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL', 'UNAUTHENTICATED']) {
      expect(cartIsGone(new ApiError({ code, message: 'x' }))).toBe(false)
    }
    expect(cartIsGone(new Error('socket hang up'))).toBe(false)
  })
})
