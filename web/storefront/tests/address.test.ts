import { describe, expect, it } from 'vitest'
import { hostname, isPlatformSite, storeBase } from '../src/shop/address'

describe('storeBase', () => {
  it('finds the store label of a path address', () => {
    expect(storeBase('/stores/dates-coffee')).toBe('/stores/dates-coffee')
    expect(storeBase('/stores/Dates-Coffee/products/ajwa')).toBe('/stores/dates-coffee')
  })
  it('is empty for host addresses, the directory and labels that are not DNS labels', () => {
    expect(storeBase('/')).toBe('')
    expect(storeBase('/stores')).toBe('')
    expect(storeBase('/stores/')).toBe('')
    expect(storeBase('/products/x')).toBe('')
    expect(storeBase('/stores/-bad')).toBe('')
    expect(storeBase('/stores/a_b')).toBe('')
    expect(storeBase('/stores/..')).toBe('')
  })
})

describe('isPlatformSite', () => {
  it('is the bare platform domain or its www, with any port', () => {
    expect(isPlatformSite('localhost:3000', 'localhost')).toBe(true)
    expect(isPlatformSite('WWW.dakkah.com', 'dakkah.com')).toBe(true)
    expect(isPlatformSite('saudi-traditional.localhost:3000', 'localhost')).toBe(false)
    expect(isPlatformSite('evil-dakkah.com', 'dakkah.com')).toBe(false)
    expect(isPlatformSite('sauditraditions.test', 'localhost')).toBe(false)
  })
  it('drops the port and case', () => {
    expect(hostname('Shop.Example.COM:443')).toBe('shop.example.com')
  })
})
