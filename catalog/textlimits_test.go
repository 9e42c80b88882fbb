package catalog_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// The catalog's text limits are in characters: a title of 500 Arabic characters (1,000
// bytes of UTF-8) is stored, as are the longest names, SKUs and option titles, on both
// databases; one character more is refused.
func TestTextLimitsCountCharacters(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api, admin := c.API, c.As(testenv.TenantAdminA)
		ar := func(n int) string { return strings.Repeat("ث", n) }
		var p struct{ CreateProduct struct{ ID, Title string } }
		api.MustDo(t, admin, `mutation($in: CreateProductInput!) { createProduct(input: $in) { id title } }`, map[string]any{"in": map[string]any{
			"tenantId": testenv.ID(c.TenantA.ID), "title": ar(500), "handle": "arabic-title", "description": ar(20000),
			"options": []map[string]any{{"title": ar(100), "values": []string{ar(100)}}},
		}}).Decode(t, &p)
		assert.Equal(t, ar(500), p.CreateProduct.Title)
		api.MustDo(t, admin, `mutation($id: ID!, $t: String!) { updateProduct(id: $id, input: {title: $t}) { id } }`,
			map[string]any{"id": p.CreateProduct.ID, "t": ar(499) + "ج"})
		row := db.Client.Product.GetX(sys(), atoi(t, p.CreateProduct.ID))
		assert.Equal(t, 1000, len(row.Title), "500 characters of two bytes each")

		r := api.Do(t, admin, `mutation($p: ID!, $t: String!, $s: String!, $o: Map) { createProductVariant(input: {productId: $p, title: $t, sku: $s, barcode: $s, optionValues: $o}) { title } }`,
			map[string]any{"p": p.CreateProduct.ID, "t": ar(500), "s": ar(100), "o": map[string]any{ar(100): ar(100)}})
		require.Empty(t, r.Errors, "%+v", r.Errors)
		api.MustDo(t, admin, `mutation($t: ID!, $n: String!) { createProductCategory(input: {tenantId: $t, name: $n, handle: "arabic"}) { id } }`,
			map[string]any{"t": testenv.ID(c.TenantA.ID), "n": ar(200)})
		api.MustDo(t, admin, `mutation($t: ID!, $n: String!) { createProductCollection(input: {tenantId: $t, title: $n, handle: "arabic"}) { id } }`,
			map[string]any{"t": testenv.ID(c.TenantA.ID), "n": ar(200)})
		api.MustDo(t, admin, `mutation($s: ID!, $n: String!, $d: String!) { createSalesChannel(input: {storeId: $s, name: $n, description: $d}) { id } }`,
			map[string]any{"s": testenv.ID(c.StoreA1.ID), "n": ar(200), "d": ar(2000)})

		requireError(t, api.Do(t, admin, `mutation($id: ID!, $t: String!) { updateProduct(id: $id, input: {title: $t}) { id } }`,
			map[string]any{"id": p.CreateProduct.ID, "t": ar(501)}), "BAD_USER_INPUT", "title")
	})
}
