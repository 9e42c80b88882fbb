package pricing_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

const regionsQ = `query($t: ID) { regions(tenantId: $t) { ` + regionFields + ` } }`

func regionNames(t *testing.T, c *testenv.Commerce, h testenv.Headers, tenantID *int) []string {
	t.Helper()
	vars := map[string]any{}
	if tenantID != nil {
		vars["t"] = id(*tenantID)
	}
	var out struct{ Regions []regionNode }
	c.API.MustDo(t, h, regionsQ, vars).Decode(t, &out)
	names := []string{}
	for _, r := range out.Regions {
		names = append(names, r.Name+"/"+r.CurrencyCode)
	}
	return names
}

func TestRegionsPerTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		a, b := c.TenantA.ID, c.TenantB.ID
		regionsA := []string{"Saudi Arabia/SAR", "UAE/AED"}

		// A storefront: the store's tenant, named by its host or by its key.
		require.Equal(t, regionsA, regionNames(t, c, c.Shop(testenv.Anonymous, "shop.acme-example.com"), nil))
		require.Equal(t, []string{"KSA/SAR"}, regionNames(t, c, c.Shop(testenv.Anonymous, "b1.dakkah.test"), nil))
		require.Equal(t, regionsA, regionNames(t, c, c.As(testenv.PublishableA), nil))
		require.Equal(t, regionsA, regionNames(t, c, c.As(testenv.PublishableA), &a), "the store's own tenant may be named")
		requireError(t, c.API.Do(t, c.As(testenv.PublishableA), regionsQ, map[string]any{"t": id(b)}), "BAD_USER_INPUT", "tenantId")

		// Staff name the tenant.
		require.Equal(t, regionsA, regionNames(t, c, c.As(testenv.TenantAdminA), &a))
		require.Equal(t, regionsA, regionNames(t, c, c.As(testenv.ManagerA1), &a))
		require.Equal(t, []string{"KSA/SAR"}, regionNames(t, c, c.As(testenv.SecretB), &b))
		require.Equal(t, []string{"KSA/SAR"}, regionNames(t, c, c.As(testenv.SuperAdmin), &b))
		requireError(t, c.API.Do(t, c.As(testenv.TenantAdminA), regionsQ, nil), "BAD_USER_INPUT", "tenantId")
		requireError(t, c.API.Do(t, c.As(testenv.Anonymous), regionsQ, nil), "BAD_USER_INPUT", "tenantId")

		// Another tenant's regions are not there to see.
		requireError(t, c.API.Do(t, c.As(testenv.SecretB), regionsQ, map[string]any{"t": id(a)}), "NOT_FOUND", "")
		requireError(t, c.API.Do(t, c.As(testenv.TenantAdminB), regionsQ, map[string]any{"t": id(a)}), "NOT_FOUND", "")
	})
}

const createRegionM = `mutation($in: RegionInput!) { createRegion(input: $in) { ` + regionFields + ` } }`
const updateRegionM = `mutation($id: ID!, $in: RegionInput!) { updateRegion(id: $id, input: $in) { ` + regionFields + ` } }`

func regionInput(tenantID int, currency string, taxRate float64, countries ...string) map[string]any {
	return map[string]any{"tenantId": id(tenantID), "name": "Region " + currency, "currencyCode": currency,
		"countries": countries, "taxRate": taxRate, "taxInclusive": true}
}

func TestRegionWritesAndTaxRate(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		admin := c.As(testenv.TenantAdminA)
		a := c.TenantA.ID

		var out struct{ CreateRegion regionNode }
		c.API.MustDo(t, admin, createRegionM, map[string]any{"in": regionInput(a, "KWD", 7.25, "kw", "KW")}).Decode(t, &out)
		r := out.CreateRegion
		require.Equal(t, 725, r.TaxRateBps, "percent with two decimals becomes basis points")
		require.Equal(t, 7.25, r.TaxRate, "and back")
		require.Equal(t, []string{"KW"}, r.Countries, "upper-cased, without repeats")
		require.True(t, r.TaxInclusive)

		for _, tc := range []struct {
			in    map[string]any
			field string
		}{
			{regionInput(a, "kwd", 5), "currencyCode"},
			{regionInput(a, "KWDX", 5), "currencyCode"},
			{regionInput(a, "KW1", 5), "currencyCode"},
			{regionInput(a, "KWD", 7.255), "taxRate"},
			{regionInput(a, "KWD", 100.01), "taxRate"},
			{regionInput(a, "KWD", -1), "taxRate"},
			{regionInput(a, "KWD", 5, "KWT"), "countries"},
			{regionInput(a, "KWD", 5, "K1"), "countries"},
			{map[string]any{"tenantId": id(a), "name": " ", "currencyCode": "KWD", "taxRate": 5, "taxInclusive": false}, "name"},
		} {
			requireError(t, c.API.Do(t, admin, createRegionM, map[string]any{"in": tc.in}), "BAD_USER_INPUT", tc.field)
		}
		for _, edge := range []float64{0, 100, 0.01, 15} {
			var o struct{ CreateRegion regionNode }
			c.API.MustDo(t, admin, createRegionM, map[string]any{"in": regionInput(a, "EUR", edge)}).Decode(t, &o)
			require.Equal(t, edge, o.CreateRegion.TaxRate)
			require.Equal(t, int(edge*100+0.5), o.CreateRegion.TaxRateBps)
		}

		// Only the tenant's admins create; another tenant's callers do not even find it.
		requireError(t, c.API.Do(t, c.As(testenv.ManagerA1), createRegionM, map[string]any{"in": regionInput(a, "KWD", 5)}), "FORBIDDEN", "")
		requireError(t, c.API.Do(t, c.As(testenv.TenantAdminB), createRegionM, map[string]any{"in": regionInput(a, "KWD", 5)}), "NOT_FOUND", "")
		requireError(t, c.API.Do(t, c.As(testenv.SecretB), createRegionM, map[string]any{"in": regionInput(a, "KWD", 5)}), "NOT_FOUND", "")

		// Update: the settings change, the tenant does not; the currency only while unused.
		var up struct{ UpdateRegion regionNode }
		c.API.MustDo(t, admin, updateRegionM, map[string]any{"id": r.ID, "in": regionInput(a, "BHD", 10, "BH")}).Decode(t, &up)
		require.Equal(t, regionNode{ID: r.ID, Name: "Region BHD", CurrencyCode: "BHD", Countries: []string{"BH"},
			TaxRateBps: 1000, TaxRate: 10, TaxInclusive: true}, up.UpdateRegion)
		requireError(t, c.API.Do(t, admin, updateRegionM, map[string]any{"id": r.ID, "in": regionInput(c.TenantB.ID, "BHD", 10)}), "BAD_USER_INPUT", "tenantId")
		requireError(t, c.API.Do(t, admin, updateRegionM, map[string]any{"id": id(c.SAR.ID), "in": regionInput(a, "USD", 15, "SA")}),
			"CONFLICT", "currencyCode") // its shipping option is in SAR
		requireError(t, c.API.Do(t, c.As(testenv.TenantAdminB), updateRegionM, map[string]any{"id": id(c.SAR.ID), "in": regionInput(a, "SAR", 0)}), "NOT_FOUND", "")
		requireError(t, c.API.Do(t, c.As(testenv.ManagerA1), updateRegionM, map[string]any{"id": id(c.SAR.ID), "in": regionInput(a, "SAR", 0)}), "FORBIDDEN", "")
		sar, err := db.Client.Region.Get(sys(), c.SAR.ID)
		require.NoError(t, err)
		require.Equal(t, 1500, sar.TaxRateBps, "refused updates change nothing")
	})
}
