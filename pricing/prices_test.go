package pricing_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

const setPriceM = `mutation($in: SetPriceInput!) { setPrice(input: $in) { id variantID currencyCode amount regionID } }`

type priceNode struct {
	ID           string
	VariantID    string
	CurrencyCode string
	Amount       int64
	RegionID     *string
}

func priceIn(variantID int, currency string, amount int64, regionID ...int) map[string]any {
	in := map[string]any{"variantId": id(variantID), "currencyCode": currency, "amount": amount}
	if len(regionID) > 0 {
		in["regionId"] = id(regionID[0])
	}
	return map[string]any{"in": in}
}

func setPrice(t *testing.T, c *testenv.Commerce, h testenv.Headers, vars map[string]any) priceNode {
	t.Helper()
	var out struct{ SetPrice priceNode }
	c.API.MustDo(t, h, setPriceM, vars).Decode(t, &out)
	return out.SetPrice
}

func TestSetPrice(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		admin := c.As(testenv.TenantAdminA)
		thobe := c.Variants["thobe"].ID
		prices := func() int {
			n, err := db.Client.Price.Query().Where(price.VariantID(thobe)).Count(sys())
			require.NoError(t, err)
			return n
		}
		require.Equal(t, 2, prices(), "SAR and AED")

		// The currency price is replaced, not duplicated.
		p := setPrice(t, c, admin, priceIn(thobe, "SAR", 26000))
		require.Equal(t, int64(26000), p.Amount)
		require.Nil(t, p.RegionID)
		require.Equal(t, 2, prices())

		// A region price sits beside it, and is replaced in turn.
		r1 := setPrice(t, c, admin, priceIn(thobe, "SAR", 23000, c.SAR.ID))
		require.Equal(t, id(c.SAR.ID), *r1.RegionID)
		r2 := setPrice(t, c, admin, priceIn(thobe, "SAR", 22000, c.SAR.ID))
		require.Equal(t, r1.ID, r2.ID)
		require.Equal(t, int64(22000), r2.Amount)
		require.Equal(t, 3, prices())
		zero := setPrice(t, c, admin, priceIn(thobe, "AED", 0))
		require.Equal(t, int64(0), zero.Amount, "free is a price")

		for _, tc := range []struct {
			vars  map[string]any
			field string
		}{
			{priceIn(thobe, "SAR", -1), "amount"},
			{priceIn(thobe, "SAR", pricing.MaxAmount+1), "amount"},
			{priceIn(thobe, "SAR", 1<<62), "amount"}, // × 4 once wrapped a total to 0
			{priceIn(thobe, "sar", 100), "currencyCode"},
			{priceIn(thobe, "SA", 100), "currencyCode"},
			{priceIn(thobe, "SAR", 100, c.AED.ID), "currencyCode"}, // the region prices in AED
		} {
			requireError(t, c.API.Do(t, admin, setPriceM, tc.vars), "BAD_USER_INPUT", tc.field)
		}
		requireError(t, c.API.Do(t, admin, setPriceM, priceIn(thobe, "SAR", 100, c.RegionB.ID)), "NOT_FOUND", "")
		requireError(t, c.API.Do(t, c.As(testenv.SuperAdmin), setPriceM, priceIn(thobe, "SAR", 100, c.RegionB.ID)), "BAD_USER_INPUT", "regionId")

		var del struct{ DeletePrice string }
		c.API.MustDo(t, admin, `mutation($id: ID!) { deletePrice(id: $id) }`, map[string]any{"id": r2.ID}).Decode(t, &del)
		require.Equal(t, r2.ID, del.DeletePrice)
		require.Equal(t, 2, prices())
		top := setPrice(t, c, admin, priceIn(thobe, "USD", pricing.MaxAmount))
		require.Equal(t, pricing.MaxAmount, top.Amount, "the largest price is below 10^12")
	})
}

func TestPricesAcrossTenants(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		thobe, gadget := c.Variants["thobe"].ID, c.Variants["gadget"].ID
		sarThobe, err := db.Client.Price.Query().Where(price.VariantID(thobe), price.CurrencyCode("SAR")).Only(sys())
		require.NoError(t, err)

		for _, who := range []string{testenv.TenantAdminB, testenv.SecretB} {
			h := c.As(who)
			requireError(t, c.API.Do(t, h, setPriceM, priceIn(thobe, "SAR", 1)), "NOT_FOUND", "")
			requireError(t, c.API.Do(t, h, setPriceM, priceIn(gadget, "SAR", 1, c.SAR.ID)), "NOT_FOUND", "") // A's region
			requireError(t, c.API.Do(t, h, `mutation($id: ID!) { deletePrice(id: $id) }`, map[string]any{"id": id(sarThobe.ID)}), "NOT_FOUND", "")
		}
		// B's own catalog is B's to price.
		require.Equal(t, int64(9000), setPrice(t, c, c.As(testenv.SecretB), priceIn(gadget, "SAR", 9000, c.RegionB.ID)).Amount)

		// A's staff who are not admins read prices but do not write them; shoppers neither.
		requireError(t, c.API.Do(t, c.As(testenv.ManagerA1), setPriceM, priceIn(thobe, "SAR", 1)), "FORBIDDEN", "")
		requireError(t, c.API.Do(t, c.As(testenv.PublishableA), setPriceM, priceIn(thobe, "SAR", 1)), "UNAUTHENTICATED", "")
		requireError(t, c.API.Do(t, c.As(testenv.CustomerA), setPriceM, priceIn(thobe, "SAR", 1)), "FORBIDDEN", "")

		after, err := db.Client.Price.Get(sys(), sarThobe.ID)
		require.NoError(t, err)
		require.Equal(t, int64(25000), after.Amount, "nothing changed")
	})
}

const createShippingM = `mutation($in: ShippingOptionInput!) { createShippingOption(input: $in) { id name amount regionID tenantID } }`
const deleteShippingM = `mutation($id: ID!) { deleteShippingOption(id: $id) }`

func TestShippingOptions(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		admin := c.As(testenv.TenantAdminA)
		in := func(regionID int, name string, amount int64) map[string]any {
			return map[string]any{"in": map[string]any{"regionId": id(regionID), "name": name, "amount": amount}}
		}
		var out struct {
			CreateShippingOption struct {
				ID, Name, RegionID, TenantID string
				Amount                       int64
			}
		}
		c.API.MustDo(t, admin, createShippingM, in(c.AED.ID, "Express", 4500)).Decode(t, &out)
		o := out.CreateShippingOption
		require.Equal(t, int64(4500), o.Amount)
		require.Equal(t, id(c.AED.ID), o.RegionID)
		require.Equal(t, id(c.TenantA.ID), o.TenantID, "the region's tenant")

		requireError(t, c.API.Do(t, admin, createShippingM, in(c.AED.ID, "Express", -1)), "BAD_USER_INPUT", "amount")
		requireError(t, c.API.Do(t, admin, createShippingM, in(c.AED.ID, "Express", pricing.MaxAmount+1)), "BAD_USER_INPUT", "amount")
		requireError(t, c.API.Do(t, admin, createShippingM, in(c.AED.ID, "", 100)), "BAD_USER_INPUT", "name")
		requireError(t, c.API.Do(t, admin, createShippingM, in(c.RegionB.ID, "Express", 100)), "NOT_FOUND", "")
		requireError(t, c.API.Do(t, c.As(testenv.SecretB), createShippingM, in(c.AED.ID, "Express", 100)), "NOT_FOUND", "")
		requireError(t, c.API.Do(t, c.As(testenv.ManagerA1), createShippingM, in(c.AED.ID, "Express", 100)), "FORBIDDEN", "")

		requireError(t, c.API.Do(t, c.As(testenv.TenantAdminB), deleteShippingM, map[string]any{"id": o.ID}), "NOT_FOUND", "")
		var del struct{ DeleteShippingOption string }
		c.API.MustDo(t, admin, deleteShippingM, map[string]any{"id": o.ID}).Decode(t, &del)
		require.Equal(t, o.ID, del.DeleteShippingOption)
		requireError(t, c.API.Do(t, admin, deleteShippingM, map[string]any{"id": o.ID}), "NOT_FOUND", "")
	})
}

// TestSetPriceConcurrently: callers racing to create the same price leave exactly one.
func TestSetPriceConcurrently(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		admin := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.User, UserID: c.Users[testenv.TenantAdminA].ID,
			Grants: []viewer.Grant{{Role: viewer.RoleTenantAdmin, TenantID: c.TenantA.ID}}})
		thobe := c.Variants["thobe"].ID
		const callers = 8
		var wg sync.WaitGroup
		errs := make([]error, callers)
		for i := 0; i < callers; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				_, errs[i] = c.API.App.Pricing.SetPrice(admin, pricing.SetPriceInput{VariantID: thobe, CurrencyCode: "USD", Amount: int64(100 + i)})
			}(i)
		}
		wg.Wait()
		for _, err := range errs {
			require.NoError(t, err)
		}
		n, err := db.Client.Price.Query().Where(price.VariantID(thobe), price.CurrencyCode("USD")).Count(sys())
		require.NoError(t, err)
		require.Equal(t, 1, n)
	})
}
