package seed_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/seed"
	"github.com/dakkah/cityos/testenv"
)

// The demo's b2b store sells part of the catalog, and riyadh-hotels' people sign in to it
// as the company's admin and buyers, with the limits the README walks through.
func TestDemoWholesale(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		res := demo(t, db, api)
		ctx := sys()
		st, err := db.Client.Store.Query().Where(store.Handle(seed.Wholesale)).Only(ctx)
		require.NoError(t, err)
		assert.Equal(t, store.StorefrontTypeB2b, st.StorefrontType)

		co, err := db.Client.Company.Query().Where(company.Handle("riyadh-hotels")).WithEmployees(func(q *ent.EmployeeQuery) {
			q.WithUser()
		}).Only(ctx)
		require.NoError(t, err)
		assert.Equal(t, "Asia/Riyadh", co.TimeZone)
		limits := map[string]*int64{}
		for _, e := range co.Edges.Employees {
			limits[e.Edges.User.Email+" "+string(e.Role)] = e.SpendingLimit
			assert.Equal(t, st.TenantID, e.TenantID)
			if e.SpendingLimit != nil {
				assert.Equal(t, employee.SpendingPeriodMonth, *e.SpendingPeriod)
			}
		}
		five := int64(500000)
		zero := int64(0)
		assert.Equal(t, map[string]*int64{
			"admin@riyadh-hotels.test company_admin": nil,
			"buyer1@riyadh-hotels.test buyer":        &five,
			"buyer2@riyadh-hotels.test buyer":        &zero,
		}, limits)
		require.Len(t, res.Buyers, 3)

		// A buyer signs in to the wholesale store and sees what it sells.
		var login struct{ CustomerLogin struct{ AccessToken string } }
		api.MustDo(t, nil, `mutation($s: ID!) { customerLogin(email: "buyer1@riyadh-hotels.test", password: "`+seed.DefaultPassword+`", storeId: $s) { accessToken } }`,
			map[string]any{"s": testenv.ID(st.ID)}).Decode(t, &login)
		require.NotEmpty(t, login.CustomerLogin.AccessToken)
		h := testenv.Headers{"Authorization": "Bearer " + login.CustomerLogin.AccessToken, "X-Store-Host": "wholesale.dakkah.test"}
		var grid struct {
			Products struct {
				Edges []struct{ Node struct{ Handle string } }
			}
		}
		api.MustDo(t, h, `{ products(first: 20) { edges { node { handle } } } }`, nil).Decode(t, &grid)
		var handles []string
		for _, e := range grid.Products.Edges {
			handles = append(handles, e.Node.Handle)
		}
		assert.ElementsMatch(t, []string{"classic-white-thobe", "bakhoor-blend", "ajwa-dates", "khawlani-coffee"}, handles)

		// A second run adds nobody.
		demo(t, db, api)
		n, err := db.Client.Employee.Query().Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 3, n)
	})
}
