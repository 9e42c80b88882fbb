package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

func TestSearchAndTagFilters(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		admin := c.As(testenv.TenantAdminA)
		pk := c.As(testenv.PublishableA)
		a2 := c.Shop(testenv.Anonymous, "a2.dakkah.test")
		tag := func(handle string, tags ...string) {
			t.Helper()
			if tags == nil {
				tags = []string{}
			}
			api.MustDo(t, admin, `mutation($id: ID!, $tags: [String!]) { updateProduct(id: $id, input: {tags: $tags}) { id } }`,
				map[string]any{"id": id(c.Products[handle].ID), "tags": tags})
		}

		// Search is a case-insensitive match within titles.
		assert.Equal(t, []string{"thobe"}, handles(t, api, pk, map[string]any{"search": "HOB"}))
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, pk, map[string]any{"search": "the "}))
		assert.Equal(t, []string{"abaya", "hijab", "thobe"}, handles(t, api, admin, map[string]any{"search": "The", "where": map[string]any{"status": "published"}}))
		assert.Empty(t, handles(t, api, pk, map[string]any{"search": "gadget"}), "B's product is not in A1")
		assert.Empty(t, handles(t, api, pk, map[string]any{"search": "%"}), "LIKE wildcards are plain text")

		// Tags are trimmed and kept once each; the tag filter matches a whole tag.
		tag("thobe", " summer ", "Cotton", "summer")
		tag("abaya", "summer", "evening wear")
		tag("hijab", "summertime")
		ps := products(t, api, pk, map[string]any{"search": "thobe"})
		require.Len(t, ps, 1)
		assert.Equal(t, []string{"summer", "Cotton"}, ps[0].Tags)
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, pk, map[string]any{"tag": "summer"}))
		assert.Equal(t, []string{"abaya"}, handles(t, api, a2, map[string]any{"tag": "summer"}))
		assert.Equal(t, []string{"hijab"}, handles(t, api, a2, map[string]any{"tag": "summertime"}))
		assert.Equal(t, []string{"abaya"}, handles(t, api, pk, map[string]any{"tag": "evening wear"}))
		assert.Equal(t, []string{"thobe"}, handles(t, api, admin, map[string]any{"tag": "Cotton"}))
		assert.Empty(t, handles(t, api, pk, map[string]any{"tag": "summ"}))
		assert.Empty(t, handles(t, api, pk, map[string]any{"tag": `"summer"`}))
		assert.Equal(t, []string{"thobe"}, handles(t, api, pk, map[string]any{"tag": "summer", "search": "thobe"}))
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"tag": "  "}), "BAD_USER_INPUT", "tag")

		// Clearing tags takes the product out of the filter.
		tag("thobe")
		assert.Equal(t, []string{"abaya"}, handles(t, api, pk, map[string]any{"tag": "summer"}))
	})
}

func TestPriceFilter(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		pk := c.As(testenv.PublishableA)
		a2 := c.Shop(testenv.Anonymous, "a2.dakkah.test")
		sar, aed := id(c.SAR.ID), id(c.AED.ID)
		// thobe 25000 SAR / 24000 AED, abaya 40000 / 39000, hijab 5000 / 4900.

		assert.Equal(t, []string{"abaya"}, handles(t, api, pk, map[string]any{"cur": "SAR", "min": 30000}))
		assert.Equal(t, []string{"thobe"}, handles(t, api, pk, map[string]any{"cur": "sar", "max": 30000}))
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, pk, map[string]any{"cur": "SAR", "min": 25000, "max": 40000}), "bounds are inclusive")
		assert.Empty(t, handles(t, api, pk, map[string]any{"cur": "SAR", "min": 25001, "max": 39999}))
		assert.Equal(t, []string{"thobe"}, handles(t, api, pk, map[string]any{"region": sar, "min": 20000, "max": 30000}))
		assert.Equal(t, []string{"thobe"}, handles(t, api, pk, map[string]any{"region": aed, "max": 24000}))
		assert.Equal(t, []string{"hijab"}, handles(t, api, a2, map[string]any{"region": aed, "max": 4900}))
		assert.Empty(t, handles(t, api, pk, map[string]any{"cur": "USD", "min": 0}), "no price in that currency")

		// A price for the region wins over the currency's price.
		_, err := db.Client.Price.Create().SetTenantID(c.TenantA.ID).SetVariantID(c.Variants["abaya"].ID).
			SetCurrencyCode("SAR").SetAmount(1000).SetRegionID(c.SAR.ID).Save(sys())
		require.NoError(t, err)
		assert.Equal(t, []string{"abaya"}, handles(t, api, pk, map[string]any{"region": sar, "max": 2000}))
		assert.Empty(t, handles(t, api, pk, map[string]any{"region": sar, "min": 39000}), "abaya costs 1000 in the region")
		assert.Equal(t, []string{"abaya"}, handles(t, api, pk, map[string]any{"cur": "SAR", "min": 39000}), "without the region, the currency price")
		assert.Empty(t, handles(t, api, pk, map[string]any{"cur": "SAR", "max": 2000}))

		// Staff filter by price too.
		assert.Equal(t, []string{"draft-oud"}, handles(t, api, c.As(testenv.TenantAdminA), map[string]any{"cur": "SAR", "min": 50000}))

		// A range needs a currency; the currency is three letters; the region must be one
		// the caller sees (for a storefront, one of its store's tenant) and its currency.
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"min": 100}), "BAD_USER_INPUT", "priceMin")
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"max": 100}), "BAD_USER_INPUT", "priceMax")
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"cur": "SA", "max": 100}), "BAD_USER_INPUT", "currencyCode")
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"cur": "S1R"}), "BAD_USER_INPUT", "currencyCode")
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"cur": "SAR", "min": 500, "max": 100}), "BAD_USER_INPUT", "priceMax")
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"cur": "SAR", "min": -1}), "BAD_USER_INPUT", "priceMin")
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"region": id(c.RegionB.ID)}), "BAD_USER_INPUT", "regionId")
		requireError(t, api.Do(t, c.As(testenv.TenantAdminA), productsQ, map[string]any{"region": id(c.RegionB.ID)}), "BAD_USER_INPUT", "regionId")
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"region": "999999999"}), "BAD_USER_INPUT", "regionId")
		requireError(t, api.Do(t, pk, productsQ, map[string]any{"region": sar, "cur": "AED"}), "BAD_USER_INPUT", "currencyCode")
		requireError(t, api.Do(t, pk, byHandleQ, map[string]any{"h": "thobe", "region": id(c.RegionB.ID)}), "BAD_USER_INPUT", "regionId")
		requireError(t, api.Do(t, pk, byHandleQ, map[string]any{"h": "thobe", "cur": "riyal"}), "BAD_USER_INPUT", "currencyCode")
		// A customer of A signed in at a storefront of B is still B's shopper: A's region is not B's.
		requireError(t, api.Do(t, c.Shop(testenv.CustomerA, "b1.dakkah.test"), productsQ, map[string]any{"region": sar}), "BAD_USER_INPUT", "regionId")
		assert.Equal(t, []string{"gadget"}, handles(t, api, c.Shop(testenv.Anonymous, "b1.dakkah.test"), map[string]any{"region": id(c.RegionB.ID), "max": 10000}))
	})
}
