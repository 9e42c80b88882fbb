package catalog_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productoption"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/testenv"
)

const (
	createProductQ = `mutation($in: CreateProductInput!) { createProduct(input: $in) {
  id tenantID title handle description status thumbnail images { url alt rank } tags categoryID collectionID
  options { title values } variants { sku } } }`
	updateProductQ = `mutation($id: ID!, $in: UpdateProductInput!) { updateProduct(id: $id, input: $in) {
  id title handle description status thumbnail images { url alt rank } tags categoryID collectionID } }`
	deleteProductQ = `mutation($id: ID!) { deleteProduct(id: $id) }`
	createVariantQ = `mutation($in: CreateVariantInput!) { createProductVariant(input: $in) {
  id productID tenantID title sku optionValues barcode weight manageInventory allowBackorder } }`
	updateVariantQ = `mutation($id: ID!, $in: UpdateVariantInput!) { updateProductVariant(id: $id, input: $in) { id sku optionValues barcode weight } }`
	deleteVariantQ = `mutation($id: ID!) { deleteProductVariant(id: $id) }`
)

type productOut struct {
	ID, TenantID, Title, Handle, Description, Status string
	Thumbnail, CategoryID, CollectionID              *string
	Images                                           []imageOut
	Tags                                             []string
	Options                                          []struct {
		Title  string
		Values []string
	}
	Variants []struct{ Sku string }
}

type variantOut struct {
	ID, ProductID, TenantID, Title, Sku string
	OptionValues                        map[string]any
	Barcode                             *string
	Weight                              *int
	ManageInventory, AllowBackorder     bool
}

func TestTenantAdminManagesProducts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		admin := c.As(testenv.TenantAdminA)
		tA := id(c.TenantA.ID)

		var cat struct{ CreateProductCategory struct{ ID string } }
		api.MustDo(t, admin, `mutation($t: ID!) { createProductCategory(input: {tenantId: $t, name: "Men", handle: "men"}) { id } }`, map[string]any{"t": tA}).Decode(t, &cat)
		var col struct{ CreateProductCollection struct{ ID string } }
		api.MustDo(t, admin, `mutation($t: ID!) { createProductCollection(input: {tenantId: $t, title: "Ramadan", handle: "ramadan"}) { id } }`, map[string]any{"t": tA}).Decode(t, &col)

		var created struct{ CreateProduct productOut }
		api.MustDo(t, admin, createProductQ, map[string]any{"in": map[string]any{
			"tenantId": tA, "title": "  Linen Shirt ", "handle": "linen-shirt", "description": "Cool in summer.",
			"thumbnail": "https://img.example/linen.jpg", "images": []map[string]any{{"url": "https://img.example/1.jpg"}, {"url": "http://img.example/2.jpg", "alt": "Folded"}},
			"tags": []string{"linen", " summer"}, "categoryId": cat.CreateProductCategory.ID, "collectionId": col.CreateProductCollection.ID,
			"options":  []map[string]any{{"title": "Size", "values": []string{"S", "M", "L"}}, {"title": "Colour", "values": []string{"White", "Sand"}}},
			"metadata": map[string]any{"origin": "EG"},
		}}).Decode(t, &created)
		p := created.CreateProduct
		assert.Equal(t, tA, p.TenantID)
		assert.Equal(t, "Linen Shirt", p.Title)
		assert.Equal(t, "linen-shirt", p.Handle)
		assert.Equal(t, "draft", p.Status)
		assert.Equal(t, []string{"linen", "summer"}, p.Tags)
		assert.Equal(t, []imageOut{{"https://img.example/1.jpg", "", 0}, {"http://img.example/2.jpg", "Folded", 1}}, p.Images)
		require.NotNil(t, p.CategoryID)
		assert.Equal(t, cat.CreateProductCategory.ID, *p.CategoryID)
		require.Len(t, p.Options, 2)
		assert.Equal(t, "Size", p.Options[0].Title)
		assert.Equal(t, []string{"S", "M", "L"}, p.Options[0].Values)
		assert.Empty(t, p.Variants)
		assert.Equal(t, "https://img.example/linen.jpg", deref(p.Thumbnail))
		row, err := db.Client.Product.Get(sys(), atoi(t, p.ID))
		require.NoError(t, err)
		assert.Equal(t, map[string]any{"origin": "EG"}, row.Metadata)

		// Variants name one allowed value of every option.
		variant := func(h testenv.Headers, in map[string]any) *testenv.Response {
			in["productId"] = p.ID
			return api.Do(t, h, createVariantQ, map[string]any{"in": in})
		}
		r := variant(admin, map[string]any{"title": "S / White", "sku": "LIN-S-W", "optionValues": map[string]any{"Size": "S", "Colour": "White"}, "weight": 300, "barcode": "629100"})
		require.Empty(t, r.Errors, "%+v", r.Errors)
		var v struct{ CreateProductVariant variantOut }
		r.Decode(t, &v)
		assert.Equal(t, map[string]any{"Size": "S", "Colour": "White"}, v.CreateProductVariant.OptionValues)
		assert.Equal(t, p.ID, v.CreateProductVariant.ProductID)
		assert.Equal(t, tA, v.CreateProductVariant.TenantID)
		assert.True(t, v.CreateProductVariant.ManageInventory)
		require.NotNil(t, v.CreateProductVariant.Weight)
		assert.Equal(t, 300, *v.CreateProductVariant.Weight)
		requireError(t, variant(admin, map[string]any{"title": "x", "sku": "LIN-X", "optionValues": map[string]any{"Size": "XL", "Colour": "White"}}), "BAD_USER_INPUT", "optionValues")
		requireError(t, variant(admin, map[string]any{"title": "x", "sku": "LIN-X", "optionValues": map[string]any{"Size": "M"}}), "BAD_USER_INPUT", "optionValues")
		requireError(t, variant(admin, map[string]any{"title": "x", "sku": "LIN-X"}), "BAD_USER_INPUT", "optionValues")
		requireError(t, variant(admin, map[string]any{"title": "x", "sku": "LIN-X", "optionValues": map[string]any{"Size": "M", "Colour": "White", "Fit": "Slim"}}), "BAD_USER_INPUT", "optionValues")
		requireError(t, variant(admin, map[string]any{"title": "x", "sku": "LIN-X", "optionValues": map[string]any{"Size": 3, "Colour": "White"}}), "BAD_USER_INPUT", "optionValues")
		requireError(t, variant(admin, map[string]any{"title": "x", "sku": "LIN-X", "optionValues": map[string]any{"Size": "M", "Colour": "White"}, "weight": -1}), "BAD_USER_INPUT", "weight")
		requireError(t, variant(admin, map[string]any{"title": " ", "sku": "LIN-X", "optionValues": map[string]any{"Size": "M", "Colour": "White"}}), "BAD_USER_INPUT", "title")
		requireError(t, variant(admin, map[string]any{"title": "x", "sku": "", "optionValues": map[string]any{"Size": "M", "Colour": "White"}}), "BAD_USER_INPUT", "sku")
		// The same combination twice, or a SKU the tenant already uses, conflicts.
		requireError(t, variant(admin, map[string]any{"title": "again", "sku": "LIN-S-W2", "optionValues": map[string]any{"Size": "S", "Colour": "White"}}), "CONFLICT", "")
		requireError(t, variant(admin, map[string]any{"title": "x", "sku": "SKU-thobe", "optionValues": map[string]any{"Size": "M", "Colour": "White"}}), "CONFLICT", "")
		// Another tenant's SKU is free to use.
		r = variant(admin, map[string]any{"title": "M / Sand", "sku": "SKU-gadget", "optionValues": map[string]any{"Size": "M", "Colour": "Sand"}})
		require.Empty(t, r.Errors, "%+v", r.Errors)
		var v2 struct{ CreateProductVariant variantOut }
		r.Decode(t, &v2)
		// A product without options takes no option values.
		requireError(t, api.Do(t, admin, createVariantQ, map[string]any{"in": map[string]any{"productId": id(c.Products["thobe"].ID), "title": "XL", "sku": "TH-XL", "optionValues": map[string]any{"Size": "XL"}}}), "BAD_USER_INPUT", "optionValues")

		// Update a variant: a taken SKU conflicts; option values are checked again.
		requireError(t, api.Do(t, admin, updateVariantQ, map[string]any{"id": v2.CreateProductVariant.ID, "in": map[string]any{"sku": "LIN-S-W"}}), "CONFLICT", "")
		requireError(t, api.Do(t, admin, updateVariantQ, map[string]any{"id": v2.CreateProductVariant.ID, "in": map[string]any{"optionValues": map[string]any{"Size": "S", "Colour": "White"}}}), "CONFLICT", "")
		requireError(t, api.Do(t, admin, updateVariantQ, map[string]any{"id": v2.CreateProductVariant.ID, "in": map[string]any{"optionValues": map[string]any{"Size": "S"}}}), "BAD_USER_INPUT", "optionValues")
		var uv struct{ UpdateProductVariant variantOut }
		api.MustDo(t, admin, updateVariantQ, map[string]any{"id": v2.CreateProductVariant.ID, "in": map[string]any{"sku": "LIN-M-S", "barcode": "", "optionValues": map[string]any{"Size": "L", "Colour": "Sand"}}}).Decode(t, &uv)
		assert.Equal(t, "LIN-M-S", uv.UpdateProductVariant.Sku)
		assert.Equal(t, map[string]any{"Size": "L", "Colour": "Sand"}, uv.UpdateProductVariant.OptionValues)
		// An empty barcode clears it.
		api.MustDo(t, admin, updateVariantQ, map[string]any{"id": v.CreateProductVariant.ID, "in": map[string]any{"barcode": ""}})
		vrow, err := db.Client.ProductVariant.Get(sys(), atoi(t, v.CreateProductVariant.ID))
		require.NoError(t, err)
		assert.Equal(t, "", vrow.Barcode)
		assert.Equal(t, 300, vrow.Weight, "untouched fields stay")

		// Update the product; handles stay unique within the tenant.
		var up struct{ UpdateProduct productOut }
		api.MustDo(t, admin, updateProductQ, map[string]any{"id": p.ID, "in": map[string]any{
			"title": "Linen Shirt II", "handle": "linen-shirt-2", "status": "published", "thumbnail": "", "images": []any{}, "clearCategory": true,
		}}).Decode(t, &up)
		assert.Equal(t, "Linen Shirt II", up.UpdateProduct.Title)
		assert.Equal(t, "linen-shirt-2", up.UpdateProduct.Handle)
		assert.Equal(t, "published", up.UpdateProduct.Status)
		assert.Empty(t, deref(up.UpdateProduct.Thumbnail))
		assert.Empty(t, up.UpdateProduct.Images)
		assert.Nil(t, up.UpdateProduct.CategoryID)
		require.NotNil(t, up.UpdateProduct.CollectionID, "untouched fields stay")
		assert.Equal(t, "Cool in summer.", up.UpdateProduct.Description)
		assert.Equal(t, []string{"linen", "summer"}, up.UpdateProduct.Tags)
		requireError(t, api.Do(t, admin, updateProductQ, map[string]any{"id": p.ID, "in": map[string]any{"handle": "abaya"}}), "CONFLICT", "")
		requireError(t, api.Do(t, admin, createProductQ, map[string]any{"in": map[string]any{"tenantId": tA, "title": "Another", "handle": "thobe"}}), "CONFLICT", "")
		// Handles are per tenant: B may have its own "thobe".
		api.MustDo(t, c.As(testenv.TenantAdminB), createProductQ, map[string]any{"in": map[string]any{"tenantId": id(c.TenantB.ID), "title": "B's thobe", "handle": "thobe"}})
		assert.Equal(t, "thobe", byHandle(t, api, c.As(testenv.PublishableA), "thobe", nil))

		// Delete a variant with its prices and stock.
		thobeV := c.Variants["thobe"].ID
		api.MustDo(t, admin, deleteVariantQ, map[string]any{"id": v.CreateProductVariant.ID})
		n, err := db.Client.ProductVariant.Query().Where(productvariant.ProductID(atoi(t, p.ID))).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)

		// Delete a product: its options, variants, prices and stock go; stores stop selling it.
		var del struct{ DeleteProduct string }
		thobe := c.Products["thobe"].ID
		api.MustDo(t, admin, deleteProductQ, map[string]any{"id": id(thobe)}).Decode(t, &del)
		assert.Equal(t, id(thobe), del.DeleteProduct)
		for name, count := range map[string]func() (int, error){
			"product": func() (int, error) { return db.Client.Product.Query().Where(product.ID(thobe)).Count(sys()) },
			"variants": func() (int, error) {
				return db.Client.ProductVariant.Query().Where(productvariant.ProductID(thobe)).Count(sys())
			},
			"options": func() (int, error) {
				return db.Client.ProductOption.Query().Where(productoption.ProductID(thobe)).Count(sys())
			},
			"prices": func() (int, error) { return db.Client.Price.Query().Where(price.VariantID(thobeV)).Count(sys()) },
			"levels": func() (int, error) {
				return db.Client.InventoryLevel.Query().Where(inventorylevel.VariantID(thobeV)).Count(sys())
			},
		} {
			n, err := count()
			require.NoError(t, err)
			assert.Zero(t, n, name)
		}
		assert.Equal(t, []string{"abaya"}, handles(t, api, c.As(testenv.PublishableA), nil))
		requireError(t, api.Do(t, admin, deleteProductQ, map[string]any{"id": id(thobe)}), "NOT_FOUND", "")
		api.MustDo(t, admin, deleteProductQ, map[string]any{"id": p.ID})
		n, err = db.Client.ProductOption.Query().Where(productoption.ProductID(atoi(t, p.ID))).Count(sys())
		require.NoError(t, err)
		assert.Zero(t, n)
		// The others are untouched.
		n, err = db.Client.Price.Query().Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 6, n, "abaya, hijab: SAR and AED; draft-oud, gadget: SAR")
	})
}

func TestProductInputIsValidated(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		admin := c.As(testenv.TenantAdminA)
		create := func(in map[string]any) *testenv.Response {
			in["tenantId"] = id(c.TenantA.ID)
			if _, ok := in["title"]; !ok {
				in["title"] = "Valid"
			}
			if _, ok := in["handle"]; !ok {
				in["handle"] = "valid"
			}
			return api.Do(t, admin, createProductQ, map[string]any{"in": in})
		}
		many := func(n int, v string) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = v + strings.Repeat("x", i%40) + id(i)
			}
			return out
		}
		for _, tc := range []struct {
			field string
			in    map[string]any
		}{
			{"title", map[string]any{"title": "   "}},
			{"title", map[string]any{"title": strings.Repeat("a", 501)}},
			{"handle", map[string]any{"handle": "Has Space"}},
			{"handle", map[string]any{"handle": "UPPER"}},
			{"handle", map[string]any{"handle": "-lead"}},
			{"handle", map[string]any{"handle": "double--hyphen"}},
			{"handle", map[string]any{"handle": "a/b"}},
			{"handle", map[string]any{"handle": strings.Repeat("a", 201)}},
			{"thumbnail", map[string]any{"thumbnail": "ftp://img.example/x.jpg"}},
			{"thumbnail", map[string]any{"thumbnail": "javascript:alert(1)"}},
			{"thumbnail", map[string]any{"thumbnail": "/relative.jpg"}},
			{"images[1].url", map[string]any{"images": []map[string]any{{"url": "https://ok.example/a.jpg"}, {"url": "data:image/png;base64,AAAA"}}}},
			{"images[0].url", map[string]any{"images": []map[string]any{{"url": "https://"}}}},
			{"tags", map[string]any{"tags": []string{"ok", " "}}},
			{"tags", map[string]any{"tags": []string{strings.Repeat("t", 51)}}},
			{"tags", map[string]any{"tags": many(51, "t")}},
			{"description", map[string]any{"description": strings.Repeat("d", 20001)}},
			{"options", map[string]any{"options": []map[string]any{{"title": "Size", "values": []string{}}}}},
			{"options", map[string]any{"options": []map[string]any{{"title": "Size", "values": []string{"S", "S"}}}}},
			{"options", map[string]any{"options": []map[string]any{{"title": "Size", "values": []string{"S"}}, {"title": "Size", "values": []string{"M"}}}}},
		} {
			requireError(t, create(tc.in), "BAD_USER_INPUT", tc.field)
		}
		// 50 tags of 50 characters are fine.
		r := create(map[string]any{"handle": "fifty-tags", "tags": many(50, strings.Repeat("t", 8))})
		require.Empty(t, r.Errors, "%+v", r.Errors)
		requireError(t, api.Do(t, admin, updateProductQ, map[string]any{"id": id(c.Products["abaya"].ID), "in": map[string]any{"handle": "Nope"}}), "BAD_USER_INPUT", "handle")
		requireError(t, api.Do(t, admin, updateProductQ, map[string]any{"id": id(c.Products["abaya"].ID), "in": map[string]any{"thumbnail": "nope"}}), "BAD_USER_INPUT", "thumbnail")
		// Nothing refused was written.
		n, err := db.Client.Product.Query().Where(product.TenantID(c.TenantA.ID)).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 5, n)
		abaya, err := db.Client.Product.Get(sys(), c.Products["abaya"].ID)
		require.NoError(t, err)
		assert.Equal(t, "abaya", abaya.Handle)
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
