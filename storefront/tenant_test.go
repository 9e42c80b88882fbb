package storefront_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// TestTenantOfTenantWideQueries: regions, categories, collections and stock locations
// choose their tenant by one rule (storefront.Tenant): the request's store's tenant, or
// tenantId, which must be the store's when both are given and one the caller sees.
func TestTenantOfTenantWideQueries(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		a, b := testenv.ID(c.TenantA.ID), testenv.ID(c.TenantB.ID)
		queries := map[string]string{
			"regions":            `query($t: ID) { list: regions(tenantId: $t) { id } }`,
			"productCategories":  `query($t: ID) { list: productCategories(tenantId: $t) { id } }`,
			"productCollections": `query($t: ID) { list: productCollections(tenantId: $t) { id } }`,
			"stockLocations":     `query($t: ID!) { list: stockLocations(tenantId: $t) { id } }`,
		}
		shop := c.As(testenv.PublishableA)
		adminInStore := c.Shop(testenv.TenantAdminA, "a1.dakkah.test")
		for name, q := range queries {
			do := func(h testenv.Headers, tenant any) *testenv.Response {
				vars := map[string]any{}
				if tenant != nil {
					vars["t"] = tenant
				}
				return c.API.Do(t, h, q, vars)
			}
			// A tenantId naming another tenant than the request's store's is refused.
			testenv.RequireError(t, do(adminInStore, b), "BAD_USER_INPUT", "tenantId")
			if name != "stockLocations" {
				testenv.RequireError(t, do(shop, b), "BAD_USER_INPUT", "tenantId")
				// Without a store, tenantId is needed.
				testenv.RequireError(t, do(c.As(testenv.TenantAdminA), nil), "BAD_USER_INPUT", "tenantId")
			}
			// Another tenant's staff: that tenant is not found.
			testenv.RequireError(t, do(c.As(testenv.SecretB), a), "NOT_FOUND")
			// The store's tenant, named or not, and the staff's own tenant answer.
			for _, r := range []*testenv.Response{do(adminInStore, a), do(c.As(testenv.TenantAdminA), a)} {
				require.Empty(t, r.Errors, "%s: %+v", name, r.Errors)
			}
		}
		var regions struct{ List []struct{ ID string } }
		c.API.MustDo(t, shop, `{ list: regions { id } }`, nil).Decode(t, &regions)
		require.Len(t, regions.List, 2, "the store's tenant's regions: SAR and AED")
		// A secret key names its tenant.
		c.API.MustDo(t, c.As(testenv.SecretB), `{ list: regions { id } }`, nil).Decode(t, &regions)
		require.Equal(t, testenv.ID(c.RegionB.ID), regions.List[0].ID)
		require.Len(t, regions.List, 1)
	})
}
