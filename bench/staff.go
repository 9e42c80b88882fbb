package main

import (
	"context"
	"fmt"
)

// The staff's reads: a tenant admin's dashboard lists of orders (with their items and who
// bought them) and of products (with variants, prices and stock), 50 a page.
const staffOrdersQuery = `query StaffOrders {
  orders(first: 50) {
    totalCount
    edges { node { id displayID status paymentStatus fulfillmentStatus currencyCode total email customerID
      shippingAddress { firstName lastName city countryCode }
      items { id title sku quantity unitPrice total } } }
  }
}`

const staffProductsQuery = `query StaffProducts {
  products(first: 50) {
    totalCount
    edges { node { id handle title status thumbnail
      variants { id sku title availableQuantity prices { amount currencyCode } } } }
  }
}`

// The bench tenant's admin, made by `bench seed`: bench data only, never a real account.
const (
	benchAdminEmail    = "admin@bench.example"
	benchAdminPassword = "bench-admin-password"
)

// staffPlan signs in as the bench tenant's admin and reads query as that admin.
func staffPlan(ctx context.Context, shop *client, query string) (plan, error) {
	c := *shop
	c.host = "" // staff sign in to the platform, not to a store
	var login struct {
		Login struct{ AccessToken string } `json:"login"`
	}
	if err := c.do(ctx, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
		map[string]any{"e": benchAdminEmail, "p": benchAdminPassword}, &login); err != nil {
		return plan{}, fmt.Errorf("signing in as the bench admin (run bench seed again to add the admin): %w", err)
	}
	token := login.Login.AccessToken
	p := probe{query: query}
	return plan{probes: []probe{p}, bearer: token, on: func(c *client) scenario {
		return func(ctx context.Context, _, _ int) (int, error) { return 1, c.do(ctx, p.query, p.vars, nil) }
	}}, nil
}
