package checkout_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/testenv"
)

// The bench's staff lists (bench/staff.go): a tenant admin's orders with their items and
// buyers, and products with their variants' stock and prices.
const (
	staffOrdersQ = `query($n: Int!) { orders(first: $n) { totalCount edges { node { id displayID status total email
  shippingAddress { firstName lastName city countryCode } items { id title sku quantity unitPrice total } } } } }`
	staffProductsQ = `query($n: Int!) { products(first: $n) { totalCount edges { node { id handle title status
  variants { id sku availableQuantity prices { amount currencyCode } } } } } }`
)

// TestStaffListsHaveNoNPlusOne: a tenant admin's list of orders, and of products, runs as
// many statements for a page of many as for a page of one (three orders of two lines; the catalog's products).
func TestStaffListsHaveNoNPlusOne(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		guest := ct.Guest(c, c.StoreA1)
		for i := range 3 { // abaya has 3 in stock
			complete(t, c, guest, ct.Ready(t, c, ct.Of("thobe", 1), ct.Of("abaya", 1)).Token, fmt.Sprintf("staff-list-%d", i))
		}
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		admin := c.As(testenv.TenantAdminA)
		count := func(q string, n int) (int, []string) {
			t.Helper()
			log.Take()
			var out struct {
				Orders struct {
					Edges []struct {
						Node struct{ Items []struct{ Sku string } }
					}
				}
				Products struct {
					Edges []struct {
						Node struct{ Variants []struct{ Sku string } }
					}
				}
			}
			api.MustDo(t, admin, q, map[string]any{"n": n}).Decode(t, &out)
			for _, e := range out.Orders.Edges {
				require.Len(t, e.Node.Items, 2)
			}
			require.Equal(t, n, len(out.Orders.Edges)+len(out.Products.Edges))
			ran := log.Take()
			list := make([]string, len(ran))
			for i, st := range ran {
				list[i] = st.SQL
			}
			return len(ran), list
		}
		// The admin's user and memberships (3), then for orders the count, the page and
		// the items; for products the count, the page, the variants, their prices and
		// their stock.
		for q, most := range map[string]int{staffOrdersQ: 6, staffProductsQ: 8} {
			count(q, 1) // warm the caches a first request fills
			one, listOne := count(q, 1)
			many, listMany := count(q, 3)
			t.Logf("%s: %d statements for one, %d for three", db.Dialect, one, many)
			require.Equal(t, one, many, "one: %q\nthree: %q", listOne, listMany)
			require.LessOrEqual(t, many, most, "%q", listMany)
			// A tenant admin places no orders as a customer: the policy scopes its reads
			// by tenant alone, which the count reads from the tenant's index.
			for _, q := range listMany {
				require.NotContains(t, strings.ReplaceAll(q, "`", `"`), `"orders"."customer_id" =`)
			}
		}
	})
}
