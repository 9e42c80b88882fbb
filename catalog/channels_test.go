package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/testenv"
)

const (
	channelsQ        = `query($s: ID!) { salesChannels(storeId: $s) { id storeID tenantID name description isDisabled } }`
	createChannelQ   = `mutation($s: ID!, $n: String!, $d: String) { createSalesChannel(input: {storeId: $s, name: $n, description: $d}) { id storeID tenantID name description } }`
	productChannelsQ = `query($h: String!) { productByHandle(handle: $h) { handle salesChannels { id storeID } } }`
	productsChannelQ = `{ products(first: 10) { edges { node { handle salesChannels { id } } } } }`
)

type channelOut struct{ ID, StoreID, TenantID, Name, Description string }

func TestSalesChannels(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		admin := c.As(testenv.TenantAdminA)
		a1 := id(c.StoreA1.ID)

		var list struct{ SalesChannels []channelOut }
		api.MustDo(t, admin, channelsQ, map[string]any{"s": id(c.StoreA1.ID)}).Decode(t, &list)
		require.Len(t, list.SalesChannels, 1)
		assert.Equal(t, id(c.ChannelA1.ID), list.SalesChannels[0].ID)

		// An admin adds a channel to a store; it sells what is assigned to it.
		var created struct{ CreateSalesChannel channelOut }
		api.MustDo(t, admin, createChannelQ, map[string]any{"s": id(c.StoreA2.ID), "n": " Instagram ", "d": "Social shop"}).Decode(t, &created)
		ch := created.CreateSalesChannel
		assert.Equal(t, "Instagram", ch.Name)
		assert.Equal(t, id(c.StoreA2.ID), ch.StoreID)
		assert.Equal(t, id(c.TenantA.ID), ch.TenantID)
		api.MustDo(t, admin, channelsQ, map[string]any{"s": id(c.StoreA2.ID)}).Decode(t, &list)
		assert.Len(t, list.SalesChannels, 2)
		api.MustDo(t, admin, assignQ, map[string]any{"ch": ch.ID, "ps": ids(c.Products["thobe"].ID)})
		assert.Equal(t, []string{"abaya", "hijab", "thobe"}, handles(t, api, c.Shop(testenv.Anonymous, "a2.dakkah.test"), nil))

		// Managers see their store's channels only.
		api.MustDo(t, c.As(testenv.ManagerA1), channelsQ, map[string]any{"s": id(c.StoreA2.ID)}).Decode(t, &list)
		assert.Empty(t, list.SalesChannels)
		api.MustDo(t, c.As(testenv.ManagerA1), channelsQ, map[string]any{"s": id(c.StoreA1.ID)}).Decode(t, &list)
		assert.Len(t, list.SalesChannels, 1)
		// Shoppers see none: a storefront key is told to sign in.
		requireError(t, api.Do(t, c.As(testenv.PublishableA), channelsQ, map[string]any{"s": id(c.StoreA1.ID)}), "UNAUTHENTICATED", "")

		// Another tenant's store is not found; the name is checked.
		requireError(t, api.Do(t, admin, createChannelQ, map[string]any{"s": id(c.StoreB1.ID), "n": "Mine"}), "NOT_FOUND", "")
		requireError(t, api.Do(t, c.As(testenv.SecretB), createChannelQ, map[string]any{"s": id(c.StoreA1.ID), "n": "Mine"}), "NOT_FOUND", "")
		requireError(t, api.Do(t, admin, createChannelQ, map[string]any{"s": id(c.StoreA1.ID), "n": "  "}), "BAD_USER_INPUT", "name")

		// A channel holds at most 100 products per call; an unknown product is not found.
		many := make([]string, 101)
		for i := range many {
			many[i] = id(c.Products["thobe"].ID + i)
		}
		requireError(t, api.Do(t, admin, assignQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": many}), "BAD_USER_INPUT", "productIds")
		requireError(t, api.Do(t, admin, assignQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": []string{"999999999"}}), "NOT_FOUND", "")
		// An empty list changes nothing.
		r := api.MustDo(t, admin, assignQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": []string{}})
		assert.JSONEq(t, `{"assignProductsToSalesChannel":{"id":"`+id(c.ChannelA1.ID)+`","storeID":"`+a1+`"}}`, string(r.Data))
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, c.As(testenv.PublishableA), nil))
	})
}

func TestProductSalesChannelsAreForStaff(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		type out struct {
			ProductByHandle *struct {
				Handle        string
				SalesChannels []struct{ ID, StoreID string }
			}
		}
		channelsOf := func(h testenv.Headers, handle string) []string {
			t.Helper()
			var o out
			api.MustDo(t, h, productChannelsQ, map[string]any{"h": handle}).Decode(t, &o)
			require.NotNil(t, o.ProductByHandle, handle)
			got := []string{}
			for _, ch := range o.ProductByHandle.SalesChannels {
				got = append(got, ch.StoreID)
			}
			return got
		}
		a1, a2 := id(c.StoreA1.ID), id(c.StoreA2.ID)

		assert.ElementsMatch(t, []string{a1, a2}, channelsOf(c.As(testenv.TenantAdminA), "abaya"))
		assert.Equal(t, []string{a2}, channelsOf(c.As(testenv.TenantAdminA), "hijab"))
		assert.Equal(t, []string{a1}, channelsOf(c.As(testenv.ManagerA1), "abaya"), "a manager sees its stores' channels")
		assert.Empty(t, channelsOf(c.As(testenv.ManagerA1), "hijab"))
		assert.ElementsMatch(t, []string{a1, a2}, channelsOf(c.As(testenv.SuperAdmin), "abaya"))
		for _, h := range []testenv.Headers{c.As(testenv.PublishableA), c.Shop(testenv.Anonymous, "a1.dakkah.test"), c.Shop(testenv.CustomerA, "a1.dakkah.test")} {
			assert.Empty(t, channelsOf(h, "abaya"))
		}
		// In a list too.
		r := api.MustDo(t, c.As(testenv.PublishableA), productsChannelQ, nil)
		assert.NotContains(t, string(r.Data), id(c.ChannelA1.ID))
		r = api.MustDo(t, c.As(testenv.TenantAdminA), productsChannelQ, nil)
		assert.Contains(t, string(r.Data), id(c.ChannelA1.ID))
		assert.Contains(t, string(r.Data), id(c.ChannelA2.ID))
	})
}

func TestCategoriesAndCollections(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		admin := c.As(testenv.TenantAdminA)
		tA := id(c.TenantA.ID)
		category := func(h testenv.Headers, tenant, name, handle string, parent *string) *testenv.Response {
			in := map[string]any{"tenantId": tenant, "name": name, "handle": handle}
			if parent != nil {
				in["parentId"] = *parent
			}
			return api.Do(t, h, `mutation($in: CategoryTreeInput!) { createProductCategory(input: $in) { id parentID name handle } }`, map[string]any{"in": in})
		}
		mk := func(name, handle string, parent *string) string {
			t.Helper()
			r := category(admin, tA, name, handle, parent)
			require.Empty(t, r.Errors, "%+v", r.Errors)
			var o struct{ CreateProductCategory struct{ ID string } }
			r.Decode(t, &o)
			return o.CreateProductCategory.ID
		}
		women := mk("Women", "women", nil)
		abayas := mk("Abayas", "abayas", &women)
		evening := mk("Evening", "evening", &abayas)
		men := mk("Men", "men", nil)
		thobes := mk("Thobes", "thobes", &men)

		type tree struct {
			ProductCategories []struct {
				ID, Name string
				ParentID *string
			}
		}
		names := func(h testenv.Headers, tenant *string) []string {
			t.Helper()
			vars := map[string]any{}
			if tenant != nil {
				vars["t"] = *tenant
			}
			var o tree
			api.MustDo(t, h, `query($t: ID) { productCategories(tenantId: $t) { id name parentID } }`, vars).Decode(t, &o)
			out := []string{}
			for _, c := range o.ProductCategories {
				out = append(out, c.Name)
			}
			return out
		}
		want := []string{"Men", "Women", "Abayas", "Thobes", "Evening"}
		assert.Equal(t, want, names(admin, &tA), "roots first, then each level")
		assert.Equal(t, want, names(c.As(testenv.PublishableA), nil), "a storefront reads its tenant's tree")
		assert.Equal(t, want, names(c.Shop(testenv.Anonymous, "a2.dakkah.test"), nil))
		assert.Equal(t, want, names(c.As(testenv.CustomerA), &tA))
		assert.Empty(t, names(c.Shop(testenv.Anonymous, "b1.dakkah.test"), nil))
		// B does not read A's tree: to B, tenant A is not found (see storefront.Tenant).
		requireError(t, api.Do(t, c.As(testenv.TenantAdminB), `query($t: ID) { productCategories(tenantId: $t) { id } }`, map[string]any{"t": tA}), "NOT_FOUND", "")
		requireError(t, api.Do(t, c.As(testenv.Anonymous), `{ productCategories { id } }`, nil), "BAD_USER_INPUT", "tenantId")

		// Parents stay within the tenant; handles are unique within it.
		requireError(t, category(admin, tA, "Again", "men", nil), "CONFLICT", "")
		requireError(t, category(admin, tA, " ", "blank", nil), "BAD_USER_INPUT", "name")
		requireError(t, category(admin, tA, "Bad", "Bad Handle", nil), "BAD_USER_INPUT", "handle")
		r := category(c.As(testenv.TenantAdminB), id(c.TenantB.ID), "Gadgets", "men", nil)
		require.Empty(t, r.Errors, "%+v", r.Errors)
		var bCat struct{ CreateProductCategory struct{ ID string } }
		r.Decode(t, &bCat)
		requireError(t, category(c.As(testenv.TenantAdminB), id(c.TenantB.ID), "Sub", "sub", &men), "NOT_FOUND", "")
		requireError(t, category(c.As(testenv.SuperAdmin), id(c.TenantB.ID), "Sub", "sub", &men), "BAD_USER_INPUT", "parentId")
		requireError(t, category(admin, id(c.TenantB.ID), "Sub", "sub", nil), "NOT_FOUND", "")
		// Products take categories and collections of their own tenant only.
		abaya := id(c.Products["abaya"].ID)
		requireError(t, api.Do(t, admin, updateProductQ, map[string]any{"id": abaya, "in": map[string]any{"categoryId": bCat.CreateProductCategory.ID}}), "NOT_FOUND", "")
		requireError(t, api.Do(t, c.As(testenv.SuperAdmin), updateProductQ, map[string]any{"id": abaya, "in": map[string]any{"categoryId": bCat.CreateProductCategory.ID}}), "BAD_USER_INPUT", "categoryId")
		api.MustDo(t, admin, updateProductQ, map[string]any{"id": abaya, "in": map[string]any{"categoryId": abayas}})

		// Deleting a category moves its subcategories up and leaves its products uncategorised.
		api.MustDo(t, admin, `mutation($id: ID!) { deleteProductCategory(id: $id) }`, map[string]any{"id": abayas})
		assert.Equal(t, []string{"Men", "Women", "Evening", "Thobes"}, names(admin, &tA))
		var o tree
		api.MustDo(t, admin, `query($t: ID) { productCategories(tenantId: $t) { id name parentID } }`, map[string]any{"t": tA}).Decode(t, &o)
		for _, cat := range o.ProductCategories {
			if cat.ID == evening {
				require.NotNil(t, cat.ParentID)
				assert.Equal(t, women, *cat.ParentID)
			}
		}
		p, err := db.Client.Product.Get(sys(), c.Products["abaya"].ID)
		require.NoError(t, err)
		assert.Nil(t, p.CategoryID)
		requireError(t, api.Do(t, c.As(testenv.ManagerA1), `mutation($id: ID!) { deleteProductCategory(id: $id) }`, map[string]any{"id": thobes}), "FORBIDDEN", "")
		requireError(t, api.Do(t, c.As(testenv.TenantAdminB), `mutation($id: ID!) { deleteProductCategory(id: $id) }`, map[string]any{"id": thobes}), "NOT_FOUND", "")

		// Collections: listed by title; deleting one leaves its products outside any.
		collection := func(h testenv.Headers, tenant, title, handle string) *testenv.Response {
			return api.Do(t, h, `mutation($t: ID!, $ti: String!, $h: String!) { createProductCollection(input: {tenantId: $t, title: $ti, handle: $h}) { id title } }`,
				map[string]any{"t": tenant, "ti": title, "h": handle})
		}
		var col struct{ CreateProductCollection struct{ ID string } }
		collection(admin, tA, "Summer", "summer").Decode(t, &col)
		require.Empty(t, collection(admin, tA, "Eid", "eid").Errors)
		requireError(t, collection(admin, tA, "Summer again", "summer"), "CONFLICT", "")
		requireError(t, collection(admin, tA, "", "x"), "BAD_USER_INPUT", "title")
		requireError(t, collection(c.As(testenv.TenantAdminB), tA, "Theirs", "theirs"), "NOT_FOUND", "")
		r = api.MustDo(t, c.As(testenv.PublishableA), `{ productCollections { title handle } }`, nil)
		assert.JSONEq(t, `{"productCollections":[{"title":"Eid","handle":"eid"},{"title":"Summer","handle":"summer"}]}`, string(r.Data))
		requireError(t, api.Do(t, c.As(testenv.TenantAdminB), `query($t: ID) { productCollections(tenantId: $t) { title } }`, map[string]any{"t": tA}), "NOT_FOUND", "")
		api.MustDo(t, admin, updateProductQ, map[string]any{"id": abaya, "in": map[string]any{"collectionId": col.CreateProductCollection.ID}})
		api.MustDo(t, admin, `mutation($id: ID!) { deleteProductCollection(id: $id) }`, map[string]any{"id": col.CreateProductCollection.ID})
		n, err := db.Client.Product.Query().Where(product.CollectionIDNotNil()).Count(sys())
		require.NoError(t, err)
		assert.Zero(t, n)
		r = api.MustDo(t, admin, `query($t: ID) { productCollections(tenantId: $t) { title } }`, map[string]any{"t": tA})
		assert.JSONEq(t, `{"productCollections":[{"title":"Eid"}]}`, string(r.Data))
	})
}
