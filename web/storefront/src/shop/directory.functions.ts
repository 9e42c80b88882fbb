import { createServerFn } from '@tanstack/react-start'
import { graphql } from '../gql'
import { gql } from '../server/api.server'

const Directory = graphql(`
  query StoreDirectory($after: Cursor) {
    stores(first: 48, after: $after, where: { status: active }, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          name
          subdomain
          storefrontType
          themeConfig { colors { primary secondary } }
          tenant { name }
        }
      }
    }
  }
`)

/** The platform's directory: every active store, public faces only. */
export const loadDirectory = createServerFn({ method: 'GET' })
  .validator((d: { after?: string }) => ({ after: d.after ? String(d.after).slice(0, 200) : null }))
  .handler(async ({ data }) => {
    const { stores } = await gql(Directory, { after: data.after })
    return {
      totalCount: stores.totalCount,
      next: stores.pageInfo.hasNextPage ? (stores.pageInfo.endCursor ?? null) : null,
      stores: (stores.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
    }
  })
