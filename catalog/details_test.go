package catalog_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/testenv"
)

// A product's details (subtitle, type, material, country of origin) and its variants'
// sizes are the tenant's staff's to set, checked, and every shopper's to read in the
// store that sells it; another tenant cannot touch them.
func TestProductDetailsAndVariantSizes(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api, admin := c.API, c.As(testenv.TenantAdminA)
		thobe, variant := testenv.ID(c.Products["thobe"].ID), testenv.ID(c.Variants["thobe"].ID)
		details := map[string]any{"subtitle": "  Hand-stitched in Riyadh ", "productType": "Thobe",
			"material": "Egyptian cotton", "originCountry": "sa"}
		var out struct {
			UpdateProduct struct{ Subtitle, ProductType, Material, OriginCountry string }
		}
		api.MustDo(t, admin, `mutation($id: ID!, $in: UpdateProductInput!) { updateProduct(id: $id, input: $in) {
			subtitle productType material originCountry } }`, map[string]any{"id": thobe, "in": details}).Decode(t, &out)
		assert.Equal(t, "Hand-stitched in Riyadh", out.UpdateProduct.Subtitle)
		assert.Equal(t, "SA", out.UpdateProduct.OriginCountry, "upper-cased")
		api.MustDo(t, admin, `mutation($id: ID!) { updateProductVariant(id: $id, input: {weight: 450, length: 400, width: 300, height: 60}) { id } }`,
			map[string]any{"id": variant})

		// What a shopper of A1 reads.
		var shop struct {
			ProductByHandle struct {
				Subtitle, ProductType, Material, OriginCountry string
				Variants                                       []struct{ Weight, Length, Width, Height *int }
			}
		}
		api.MustDo(t, c.As(testenv.PublishableA), `{ productByHandle(handle: "thobe") { subtitle productType material originCountry
			variants { weight length width height } } }`, nil).Decode(t, &shop)
		p := shop.ProductByHandle
		assert.Equal(t, []string{"Hand-stitched in Riyadh", "Thobe", "Egyptian cotton", "SA"}, []string{p.Subtitle, p.ProductType, p.Material, p.OriginCountry})
		if assert.Len(t, p.Variants, 1) {
			v := p.Variants[0]
			assert.Equal(t, []int{450, 400, 300, 60}, []int{*v.Weight, *v.Length, *v.Width, *v.Height})
		}

		// Absent fields stay; "" clears one.
		api.MustDo(t, admin, `mutation($id: ID!) { updateProduct(id: $id, input: {subtitle: ""}) { id } }`, map[string]any{"id": thobe})
		got := c.API.DB.Client.Product.GetX(sys(), c.Products["thobe"].ID)
		assert.Equal(t, "", got.Subtitle)
		assert.Equal(t, "Egyptian cotton", got.Material)

		// Checked input.
		bad := func(in map[string]any, field string) {
			t.Helper()
			r := api.Do(t, admin, `mutation($id: ID!, $in: UpdateProductInput!) { updateProduct(id: $id, input: $in) { id } }`,
				map[string]any{"id": thobe, "in": in})
			testenv.RequireError(t, r, "BAD_USER_INPUT")
			assert.Equal(t, field, r.Errors[0].Extensions["field"])
		}
		bad(map[string]any{"originCountry": "SAU"}, "originCountry")
		bad(map[string]any{"originCountry": "S1"}, "originCountry")
		bad(map[string]any{"subtitle": strings.Repeat("ت", 501)}, "subtitle")
		bad(map[string]any{"material": strings.Repeat("x", 201)}, "material")
		r := api.Do(t, admin, `mutation($id: ID!) { updateProductVariant(id: $id, input: {height: -1}) { id } }`, map[string]any{"id": variant})
		testenv.RequireError(t, r, "BAD_USER_INPUT")
		assert.Equal(t, "height", r.Errors[0].Extensions["field"])
		// The longest subtitle in Arabic fits: the limit is in characters, not bytes.
		api.MustDo(t, admin, `mutation($id: ID!, $s: String!) { updateProduct(id: $id, input: {subtitle: $s}) { id } }`,
			map[string]any{"id": thobe, "s": strings.Repeat("ت", 500)})

		// Another tenant's admin and key do not reach A's product.
		for _, p := range []string{testenv.TenantAdminB, testenv.SecretB} {
			r := api.Do(t, c.As(p), `mutation($id: ID!) { updateProduct(id: $id, input: {material: "x"}) { id } }`, map[string]any{"id": thobe})
			testenv.RequireError(t, r, "NOT_FOUND")
		}
		assert.Equal(t, "Egyptian cotton", c.API.DB.Client.Product.GetX(sys(), c.Products["thobe"].ID).Material)
	})
}
