import { createServerFn } from '@tanstack/react-start'
import { graphql } from '../gql'
import { gql } from '../server/api.server'
import { callOptions } from '../server/request.server'

const Products = graphql(`
  query ProductGrid($first: Int, $after: Cursor, $last: Int, $before: Cursor, $regionId: ID, $search: String, $tag: String, $priceMin: Int, $priceMax: Int) {
    products(first: $first, after: $after, last: $last, before: $before, regionId: $regionId, search: $search, tag: $tag, priceMin: $priceMin, priceMax: $priceMax) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id
          handle
          title
          subtitle
          thumbnail
          images { url alt }
          tags
          vendor { name }
          variants { id availableQuantity calculatedPrice { amount currencyCode } }
        }
      }
    }
  }
`)

const Product = graphql(`
  query ProductPage($handle: String!, $regionId: ID) {
    productByHandle(handle: $handle, regionId: $regionId) {
      id
      handle
      title
      subtitle
      description
      productType
      material
      originCountry
      thumbnail
      images { url alt }
      tags
      vendor { name }
      options { id title values }
      variants {
        id
        title
        sku
        optionValues
        images { url alt }
        weight
        length
        width
        height
        manageInventory
        allowBackorder
        availableQuantity
        calculatedPrice { amount currencyCode }
      }
    }
  }
`)

export const pageSize = 12
export const maxPageSize = 48

export type GridQuery = { q?: string; tag?: string; min?: number; max?: number; after?: string; before?: string; per?: number }

export const loadGrid = createServerFn({ method: 'GET' })
  .validator((d: { base: string; regionId: string | null; query: GridQuery }) => {
    const q = d.query ?? {}
    const int = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null)
    const str = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null)
    return {
      base: String(d.base),
      regionId: d.regionId ? String(d.regionId) : null,
      search: str(q.q, 200),
      tag: str(q.tag, 100),
      priceMin: int(q.min),
      priceMax: int(q.max),
      after: str(q.after, 200),
      before: str(q.before, 200),
      per: typeof q.per === 'number' && Number.isSafeInteger(q.per) && q.per >= 1 && q.per <= maxPageSize ? q.per : pageSize,
    }
  })
  .handler(async ({ data }) => {
    const { base, before, after, per, ...filters } = data
    const page = before ? { last: per, before } : { first: per, after }
    const { products } = await gql(Products, { ...filters, ...page }, callOptions(base))
    return {
      totalCount: products.totalCount,
      pageInfo: products.pageInfo,
      products: (products.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    }
  })

export const loadProduct = createServerFn({ method: 'GET' })
  .validator((d: { base: string; handle: string; regionId: string | null }) => ({
    base: String(d.base),
    handle: String(d.handle).slice(0, 200),
    regionId: d.regionId ? String(d.regionId) : null,
  }))
  .handler(async ({ data }) => {
    const { productByHandle } = await gql(Product, { handle: data.handle, regionId: data.regionId }, callOptions(data.base))
    return productByHandle ?? null
  })
