package access_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// A store manager reads the tenant's customers who have a cart or an order in the
// manager's store, and no one else; the tenant's admin reads them all.
func TestManagersSeeTheirStoresCustomers(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFx(t, db)
		ctx := sysCtx()
		// A second shopper of A with a cart in A2 only, and ShopperA given a cart in A1.
		other, err := db.Client.User.Create().SetEmail("a2-only@acme.test").SetRealm(f.TenantA.ID).SetPasswordHash("x").Save(ctx)
		require.NoError(t, err)
		newCart := func(s *ent.Store, customer int, token int) {
			err := db.Client.Cart.Create().SetTenantID(s.TenantID).SetStoreID(s.ID).SetToken(token).SetRegionID(f.SAR.ID).
				SetCurrencyCode(f.SAR.CurrencyCode).SetCustomerID(customer).SetEmail("x@acme.test").Exec(ctx)
			require.NoError(t, err)
		}
		newCart(f.StoreA1, f.ShopperA.ID, 424_242)
		newCart(f.StoreA2, other.ID, 434_343)

		emails := func(principal string) []string {
			var out struct {
				Customers struct {
					Edges []struct{ Node struct{ Email string } }
				}
			}
			f.API.MustDo(t, f.As(principal), `query($t: ID!) { customers(tenantId: $t, first: 50) { edges { node { email } } } }`,
				map[string]any{"t": gid(f.TenantA.ID)}).Decode(t, &out)
			var es []string
			for _, e := range out.Customers.Edges {
				es = append(es, e.Node.Email)
			}
			return es
		}
		// ca-one's buyers hold carts in A1 (an approval request and a quote: addB2BHolds),
		// and one of them ordered there.
		assert.ElementsMatch(t, []string{"shopper@acme.test", "buyer@ca-one.test", "mate@ca-one.test"}, emails(testenv.ManagerA1))
		assert.ElementsMatch(t, append([]string{"a2-only@acme.test"}, customersOfA...), emails(testenv.TenantAdminA))
		assert.Empty(t, emails(testenv.SecretB), "another tenant's key sees none")

		// The same rule wherever users are read, not only in that list.
		mgr := viewer.NewContext(t.Context(), &viewer.Viewer{Kind: viewer.User, UserID: f.Users[testenv.ManagerA1].ID,
			Grants: []viewer.Grant{{Role: viewer.RoleStoreManager, TenantID: f.TenantA.ID, StoreID: f.StoreA1.ID}}})
		n, err := db.Client.User.Query().Where(user.ID(other.ID)).Count(mgr)
		require.NoError(t, err)
		assert.Zero(t, n)
		n, err = db.Client.User.Query().Where(user.ID(f.ShopperB.ID)).Count(mgr)
		require.NoError(t, err)
		assert.Zero(t, n, "B's shopper")
	})
}
