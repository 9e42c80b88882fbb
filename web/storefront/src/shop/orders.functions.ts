import { createServerFn } from '@tanstack/react-start'
import { graphql } from '../gql'
import { gql } from '../server/api.server'
import { asCustomer } from '../server/session.server'
import { errorPayload, type ErrorPayload } from './errors'
import { where, type Where } from './where'

const MyOrders = graphql(`
  query MyOrders($first: Int!, $after: Cursor) {
    me {
      id
      orders(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id displayID createdAt status paymentStatus fulfillmentStatus total currencyCode } }
      }
    }
  }
`)

/** Orders show a page at a time, newest first (the API's order). */
export const ordersPerPage = 5

export type OrderRow = { id: string; displayID: number; createdAt: string; status: string; paymentStatus: string; fulfillmentStatus: string; total: number; currencyCode: string }
export type OrdersPage = { orders: OrderRow[]; totalCount: number; next: string | null; error?: ErrorPayload }

export const loadOrders = createServerFn({ method: 'GET' })
  .validator((d: Where & { after?: string | null }) => ({ ...where(d), after: d.after ? String(d.after).slice(0, 200) : null }))
  .handler(async ({ data }): Promise<OrdersPage> => {
    try {
      const { me } = await asCustomer(data, (opts) => gql(MyOrders, { first: ordersPerPage, after: data.after }, opts))
      const c = me?.orders
      if (!c) return { orders: [], totalCount: 0, next: null }
      return {
        orders: (c.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])),
        totalCount: c.totalCount,
        next: c.pageInfo.hasNextPage ? (c.pageInfo.endCursor ?? null) : null,
      }
    } catch (e) {
      return { orders: [], totalCount: 0, next: null, error: errorPayload(e) }
    }
  })
