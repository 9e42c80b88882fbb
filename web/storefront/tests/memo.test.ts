import { describe, expect, it, vi } from 'vitest'
import { memo } from '../src/server/memo.server'

describe('memo', () => {
  it('answers from memory within the TTL and asks again after it', async () => {
    vi.useFakeTimers()
    const load = vi.fn(async () => 'ACTIVE')
    expect(await memo('k1', load)).toBe('ACTIVE')
    expect(await memo('k1', load)).toBe('ACTIVE')
    expect(load).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(2001)
    await memo('k1', load)
    expect(load).toHaveBeenCalledTimes(2)
    vi.useRealTimers()
  })
  it('does not remember a failure', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce('up')
    await expect(memo('k2', load)).rejects.toThrow('down')
    await expect(memo('k2', load)).resolves.toBe('up')
  })
  it('keeps keys apart', async () => {
    expect(await memo('a', async () => 1)).toBe(1)
    expect(await memo('b', async () => 2)).toBe(2)
  })
})
