package orders_test

import (
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/testenv"
)

const listQ = `query { orders(first: 50) { totalCount edges { node { id storeID shippingAddress { city } } } } }`

type listed struct {
	ID, StoreID     string
	ShippingAddress *struct{ City string }
}

// list returns the orders h sees, by id, or the error code.
func list(t *testing.T, c *testenv.Commerce, h testenv.Headers) (map[int]listed, string) {
	t.Helper()
	r := c.API.Do(t, h, listQ, nil)
	if len(r.Errors) > 0 {
		return nil, r.Code()
	}
	var out struct {
		Orders struct {
			TotalCount int
			Edges      []struct{ Node listed }
		}
	}
	r.Decode(t, &out)
	got := map[int]listed{}
	for _, e := range out.Orders.Edges {
		id, err := strconv.Atoi(e.Node.ID)
		require.NoError(t, err)
		got[id] = e.Node
	}
	require.Equal(t, len(got), out.Orders.TotalCount)
	return got, ""
}

func ids(m map[int]listed) []int {
	out := make([]int, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	sort.Ints(out)
	return out
}

func sorted(xs ...int) []int { sort.Ints(xs); return xs }

func TestOrdersAreScopedToTheirViewers(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		customerA := c.Users[testenv.CustomerA]
		guestA1 := place(t, c, ct.Cart{})
		ownA1 := place(t, c, ct.Cart{Customer: customerA})
		guestA2 := place(t, c, ct.Cart{Store: c.StoreA2, Items: []ct.Item{ct.Of("hijab", 1)}})
		customerB, customerBHeaders := ct.NewCustomer(t, c, c.TenantB.ID, "shopper@bolt.test")
		ownB1 := place(t, c, ct.Cart{Store: c.StoreB1, Customer: customerB})

		cases := []struct {
			principal string
			h         testenv.Headers
			want      []int
		}{
			{testenv.TenantAdminA, c.As(testenv.TenantAdminA), sorted(guestA1.ID, ownA1.ID, guestA2.ID)},
			{testenv.ManagerA1, c.As(testenv.ManagerA1), sorted(guestA1.ID, ownA1.ID)},
			{testenv.CustomerA, c.As(testenv.CustomerA), []int{ownA1.ID}},
			{testenv.TenantAdminB, c.As(testenv.TenantAdminB), []int{ownB1.ID}},
			{testenv.SecretB, c.As(testenv.SecretB), []int{ownB1.ID}},
			{"customer_B", customerBHeaders, []int{ownB1.ID}},
			{testenv.SuperAdmin, c.As(testenv.SuperAdmin), sorted(guestA1.ID, ownA1.ID, guestA2.ID, ownB1.ID)},
		}
		for _, tc := range cases {
			got, code := list(t, c, tc.h)
			require.Empty(t, code, tc.principal)
			assert.Equal(t, tc.want, ids(got), tc.principal)
		}
		for _, p := range []string{testenv.Anonymous, testenv.PublishableA} {
			got, code := list(t, c, c.As(p))
			assert.True(t, code == "FORBIDDEN" || len(got) == 0, "%s lists no order (got %v, %s)", p, ids(got), code)
		}

		// The shipping address: the order's customer and its staff, nobody else.
		got, _ := list(t, c, c.As(testenv.CustomerA))
		require.NotNil(t, got[ownA1.ID].ShippingAddress)
		assert.Equal(t, "Riyadh", got[ownA1.ID].ShippingAddress.City)
		got, _ = list(t, c, c.As(testenv.ManagerA1))
		require.NotNil(t, got[guestA1.ID].ShippingAddress)
		got, _ = list(t, c, c.As(testenv.TenantAdminA))
		require.NotNil(t, got[guestA2.ID].ShippingAddress)

		// Another tenant's staff and customers can neither see nor change A's orders.
		outsiders := map[string]testenv.Headers{
			testenv.TenantAdminB: c.As(testenv.TenantAdminB),
			testenv.SecretB:      c.As(testenv.SecretB),
			"customer_B":         customerBHeaders,
			testenv.Anonymous:    c.As(testenv.Anonymous),
			testenv.PublishableA: c.As(testenv.PublishableA),
		}
		for name, h := range outsiders {
			for _, m := range []string{"capturePayment", "cancelOrder", "createFulfillment", "markShipped", "markDelivered"} {
				_, code := do(t, c, h, m, guestA1.ID, "")
				assert.Equal(t, "NOT_FOUND", code, "%s %s", name, m)
			}
			_, code := do(t, c, h, "refundPayment", guestA1.ID, amount(1))
			assert.Equal(t, "NOT_FOUND", code, "%s refundPayment", name)
		}
		// A store's manager does not reach another store's orders.
		for _, m := range []string{"capturePayment", "cancelOrder", "createFulfillment"} {
			refused(t, c, c.As(testenv.ManagerA1), "NOT_FOUND", m, guestA2.ID, "")
		}
		// A customer sees its order but may not run it.
		for _, m := range []string{"capturePayment", "cancelOrder", "createFulfillment"} {
			refused(t, c, c.As(testenv.CustomerA), "FORBIDDEN", m, ownA1.ID, "")
		}
		refused(t, c, c.As(testenv.CustomerA), "NOT_FOUND", "capturePayment", guestA1.ID, "")

		// Nothing above changed anything.
		for _, id := range []int{guestA1.ID, ownA1.ID, guestA2.ID} {
			o, err := db.Client.Order.Get(ct.Sys(), id)
			require.NoError(t, err)
			assert.Equal(t, "pending", o.Status.String())
			assert.Equal(t, "authorized", o.PaymentStatus.String())
			assert.Equal(t, "not_fulfilled", o.FulfillmentStatus.String())
		}
		// Each tenant's staff run their own orders.
		must(t, c, c.As(testenv.SecretB), "capturePayment", ownB1.ID, "")
		must(t, c, c.As(testenv.ManagerA1), "capturePayment", guestA1.ID, "")
	})
}
