import { describe, expect, it } from 'vitest'
import { displayName, needsRefresh, parseSession, sessionCookie } from '../src/shop/session'

const s = { access: 'a', refresh: 'r', expiresAt: '2026-12-05T12:00:00Z', name: 'Sara', email: 'sara@example.com' }

describe('session cookie', () => {
  it('round-trips and refuses what is malformed', () => {
    expect(parseSession(JSON.stringify(s))).toEqual(s)
    expect(parseSession(undefined)).toBeNull()
    expect(parseSession('not json')).toBeNull()
    expect(parseSession(JSON.stringify({ ...s, access: '' }))).toBeNull()
    expect(parseSession(JSON.stringify({ ...s, refresh: 42 }))).toBeNull()
    expect(parseSession(JSON.stringify({ access: 'a', refresh: 'r', expiresAt: 'x' }))).toEqual({ access: 'a', refresh: 'r', expiresAt: 'x', name: '', email: '' })
  })
  it('is named by the tenant, in cookie-safe characters', () => {
    expect(sessionCookie('42949672961')).toBe('customer_42949672961')
    expect(sessionCookie('a;b=c')).toBe('customer_abc')
  })
})

describe('needsRefresh', () => {
  const at = Date.parse(s.expiresAt)
  it('refreshes an expired token, or one about to expire', () => {
    expect(needsRefresh(s, at + 1)).toBe(true)
    expect(needsRefresh(s, at - 10_000)).toBe(true)
    expect(needsRefresh(s, at - 5 * 60_000)).toBe(false)
  })
  it('refreshes when the expiry cannot be read', () => {
    expect(needsRefresh({ ...s, expiresAt: 'soon' }, 0)).toBe(true)
  })
})

describe('displayName', () => {
  it('is the name, or the e-mail’s local part', () => {
    expect(displayName({ name: 'Sara', email: 'sara@example.com' })).toBe('Sara')
    expect(displayName({ name: ' ', email: 'buyer1@riyadh-hotels.test' })).toBe('buyer1')
  })
})
