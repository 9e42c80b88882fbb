package access

import (
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/quote"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/viewer"
)

// A policy names the viewer's own rows as a buyer (customer_id = me) for a customer, and
// for a person with no other scope (whose list is then empty rather than refused), never
// for staff who are no customer anywhere: their count of a tenant's rows stays on the
// tenant's index.
func TestOwnRowsOnlyForCustomersOrTheUnscoped(t *testing.T) {
	person := func(grants ...viewer.Grant) *viewer.Viewer {
		return &viewer.Viewer{Kind: viewer.User, UserID: 42, Grants: grants}
	}
	admin := viewer.Grant{Role: viewer.RoleTenantAdmin, TenantID: 7}
	customer := viewer.Grant{Role: viewer.RoleCustomer, TenantID: 8}
	vendor := viewer.Grant{Role: viewer.RoleVendorAdmin, TenantID: 7, VendorID: 3}
	for _, tc := range []struct {
		name string
		v    *viewer.Viewer
		own  bool
	}{
		{"a tenant admin", person(admin), false},
		{"a tenant admin who is a customer elsewhere", person(admin, customer), true},
		{"a customer", person(customer), true},
		{"a vendor's admin, with no scope over orders, quotes or subscriptions", person(vendor), true},
	} {
		where := func(table string, apply func(*sql.Selector)) string {
			s := sql.Dialect(dialect.Postgres).Select("*").From(sql.Table(table))
			apply(s)
			q, _ := s.Query()
			return q
		}
		ordersP, ok := visibleOrders(tc.v)
		require.True(t, ok, tc.name)
		quotesP, ok := visibleQuotes(tc.v)
		require.True(t, ok, tc.name)
		subscriptionsP, ok := visibleSubscriptions(tc.v)
		require.True(t, ok, tc.name)
		for _, q := range []string{where(order.Table, ordersP), where(quote.Table, quotesP), where(subscription.Table, subscriptionsP)} {
			require.Equal(t, tc.own, strings.Contains(q, `"customer_id" =`), "%s: %s", tc.name, q)
		}
	}
}
