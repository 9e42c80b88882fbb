package server_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/testenv"
)

// One rule for refusals, whatever the operation: a storefront read that names no store is
// BAD_USER_INPUT on storeId; a caller who has not signed in (anonymous, or a storefront's
// publishable key alone) and asks for what needs a role is UNAUTHENTICATED; a signed-in
// caller without the right is FORBIDDEN, reads and writes alike.
func TestRefusalsSayWhatTheClientCanDo(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewCommerce(t, db)
		tenantA, thobe := map[string]any{"t": id(f.TenantA.ID)}, map[string]any{"id": id(f.Products["thobe"].ID)}
		const (
			customers = `query($t: ID!) { customers(tenantId: $t, first: 5) { totalCount } }`
			locations = `query($t: ID!) { stockLocations(tenantId: $t) { name } }`
			orders    = `{ orders(first: 5) { totalCount } }`
			regions   = `query($t: ID) { regions(tenantId: $t) { name } }`
			products  = `{ products(first: 5) { totalCount } }`
			node      = `query($id: ID!) { node(id: $id) { id } }`
			update    = `mutation($id: ID!) { updateProduct(id: $id, input: {title: "x"}) { id } }`
		)
		cases := []struct {
			name, principal, query string
			vars                   map[string]any
			code, field            string
		}{
			{"the catalog, no store named", testenv.Anonymous, products, nil, "BAD_USER_INPUT", "storeId"},
			{"the catalog, no store named, signed in", testenv.CustomerA, products, nil, "BAD_USER_INPUT", "storeId"},
			{"a product by id, no store named", testenv.CustomerA, node, thobe, "BAD_USER_INPUT", "storeId"},
			{"a product by id, no store named, anonymous", testenv.Anonymous, node, thobe, "BAD_USER_INPUT", "storeId"},
			{"regions, no store named", testenv.Anonymous, regions, tenantA, "BAD_USER_INPUT", "storeId"},
			{"customers, anonymous", testenv.Anonymous, customers, tenantA, "UNAUTHENTICATED", ""},
			{"customers, storefront key", testenv.PublishableA, customers, tenantA, "UNAUTHENTICATED", ""},
			{"orders, storefront key", testenv.PublishableA, orders, nil, "UNAUTHENTICATED", ""},
			{"orders, anonymous", testenv.Anonymous, orders, nil, "UNAUTHENTICATED", ""},
			{"stock locations, customer", testenv.CustomerA, locations, tenantA, "FORBIDDEN", ""},
			{"change a product, anonymous", testenv.Anonymous, update, thobe, "UNAUTHENTICATED", ""},
			{"change a product, storefront key", testenv.PublishableA, update, thobe, "UNAUTHENTICATED", ""},
			// A write is refused for want of the right, not of a store.
			{"change a product, customer", testenv.CustomerA, update, thobe, "FORBIDDEN", ""},
			{"change a product, store manager", testenv.ManagerA1, update, thobe, "FORBIDDEN", ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := gql(t, f.API.Handler, f.As(c.principal), c.query, c.vars)
				requireErrorCode(t, r, http.StatusOK, c.code)
				if c.field != "" {
					assert.Equal(t, c.field, r.Errors[0].Extensions["field"], r.Errors[0].Message)
				}
				var data map[string]any
				if len(r.Data) > 0 {
					assert.NoError(t, json.Unmarshal(r.Data, &data))
				}
				for k, v := range data {
					assert.Nil(t, v, "refused, yet %s returned data", k)
				}
			})
		}
	})
}
