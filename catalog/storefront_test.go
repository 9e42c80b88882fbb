package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/testenv"
)

func TestStorefrontSeesExactlyItsStoresProducts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API

		// A publishable key, or a host a server-rendered storefront forwards, names the store.
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, c.As(testenv.PublishableA), nil))
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, c.Shop(testenv.Anonymous, "shop.acme-example.com"), nil))
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, c.Shop(testenv.Anonymous, "a2.dakkah.test"), nil))
		assert.Equal(t, []string{"gadget"}, handles(t, api, c.Shop(testenv.Anonymous, "b1.dakkah.test"), nil))
		// Whoever is signed in, a storefront request sees the store's catalog only.
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, c.Shop(testenv.CustomerA, "a2.dakkah.test"), nil))
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, c.Shop(testenv.TenantAdminA, "a2.dakkah.test"), nil))
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, c.Shop(testenv.SuperAdmin, "a2.dakkah.test"), nil))
		// A storefront can ask for the draft: it still does not get it.
		assert.Empty(t, handles(t, api, c.As(testenv.PublishableA), map[string]any{"where": map[string]any{"status": "draft"}}))

		// Variants come with the products.
		ps := products(t, api, c.As(testenv.PublishableA), map[string]any{"search": "thobe"})
		require.Len(t, ps, 1)
		require.Len(t, ps[0].Variants, 1)
		assert.Equal(t, "SKU-thobe", ps[0].Variants[0].Sku)

		// Without a store and without a staff role there is no catalog to show.
		for _, h := range []testenv.Headers{c.As(testenv.Anonymous), c.As(testenv.CustomerA), c.Shop(testenv.Anonymous, "nowhere.example.com")} {
			requireError(t, api.Do(t, h, productsQ, nil), "BAD_USER_INPUT", "storeId")
			requireError(t, api.Do(t, h, byHandleQ, map[string]any{"h": "thobe"}), "BAD_USER_INPUT", "storeId")
		}

		// By handle, within the store.
		pk := c.As(testenv.PublishableA)
		a2 := c.Shop(testenv.Anonymous, "a2.dakkah.test")
		assert.Equal(t, "thobe", byHandle(t, api, pk, "thobe", nil))
		assert.Equal(t, "", byHandle(t, api, pk, "hijab", nil), "an A2-only product is not in A1")
		assert.Equal(t, "hijab", byHandle(t, api, a2, "hijab", nil))
		assert.Equal(t, "", byHandle(t, api, a2, "thobe", nil))
		assert.Equal(t, "", byHandle(t, api, pk, "draft-oud", nil))
		assert.Equal(t, "", byHandle(t, api, pk, "gadget", nil))
		assert.Equal(t, "", byHandle(t, api, pk, "no-such-thing", nil))
	})
}

func TestStaffSeeTheirCatalogOrOneStoresShare(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		all := []string{"abaya", "draft-oud", "hijab", "thobe"}

		assert.Equal(t, all, handles(t, api, c.As(testenv.TenantAdminA), nil))
		assert.Equal(t, all, handles(t, api, c.As(testenv.ManagerA1), nil), "managers read their tenant's catalog")
		assert.Equal(t, []string{"gadget"}, handles(t, api, c.As(testenv.TenantAdminB), nil))
		assert.Equal(t, []string{"gadget"}, handles(t, api, c.As(testenv.SecretB), nil))
		assert.Equal(t, []string{"abaya", "draft-oud", "gadget", "hijab", "thobe"}, handles(t, api, c.As(testenv.SuperAdmin), nil))

		// storeId narrows the view to that store's channels, drafts included for staff.
		a1 := map[string]any{"storeId": id(c.StoreA1.ID)}
		assert.Equal(t, []string{"abaya", "draft-oud", "thobe"}, handles(t, api, c.As(testenv.TenantAdminA), a1))
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, c.As(testenv.ManagerA1), map[string]any{"storeId": id(c.StoreA2.ID)}))
		// Another tenant's store holds none of the caller's products.
		assert.Empty(t, handles(t, api, c.As(testenv.TenantAdminB), a1))
		assert.Equal(t, []string{"gadget"}, handles(t, api, c.As(testenv.SuperAdmin), map[string]any{"storeId": id(c.StoreB1.ID)}))

		// Staff find drafts by handle; another tenant's product stays out of reach.
		assert.Equal(t, "draft-oud", byHandle(t, api, c.As(testenv.TenantAdminA), "draft-oud", nil))
		assert.Equal(t, "", byHandle(t, api, c.As(testenv.TenantAdminA), "hijab", map[string]any{"storeId": id(c.StoreA1.ID)}))
		assert.Equal(t, "", byHandle(t, api, c.As(testenv.TenantAdminB), "thobe", nil))
		assert.Equal(t, "", byHandle(t, api, c.As(testenv.SecretB), "thobe", nil))

		// where and orderBy are the generated ones.
		ps := products(t, api, c.As(testenv.TenantAdminA), map[string]any{
			"where": map[string]any{"status": "published"}, "order": map[string]any{"field": "TITLE", "direction": "DESC"}})
		var got []string
		for _, p := range ps {
			got = append(got, p.Handle)
		}
		assert.Equal(t, []string{"thobe", "hijab", "abaya"}, got)

		// Pages are capped.
		requireError(t, api.Do(t, c.As(testenv.TenantAdminA), productsQ, map[string]any{"first": 101}), "BAD_USER_INPUT", "first")
		var page productPage
		api.MustDo(t, c.As(testenv.TenantAdminA), productsQ, map[string]any{"first": 2}).Decode(t, &page)
		assert.Len(t, page.Products.Edges, 2)
		assert.Equal(t, 4, page.Products.TotalCount)
	})
}

func TestAssigningAProductPutsItInTheStoreAtOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		admin := c.As(testenv.TenantAdminA)
		pk := c.As(testenv.PublishableA)
		hijab, thobe := c.Products["hijab"].ID, c.Products["thobe"].ID

		api.MustDo(t, admin, assignQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": ids(hijab)})
		assert.Equal(t, []string{"abaya", "hijab", "thobe"}, handles(t, api, pk, nil))
		assert.Equal(t, "hijab", byHandle(t, api, pk, "hijab", nil))
		// Assigning again, or with repeats, changes nothing.
		api.MustDo(t, admin, assignQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": ids(hijab, hijab, thobe)})
		assert.Equal(t, []string{"abaya", "hijab", "thobe"}, handles(t, api, pk, nil))

		api.MustDo(t, admin, removeQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": ids(thobe, hijab)})
		assert.Equal(t, []string{"abaya"}, handles(t, api, pk, nil))
		assert.Equal(t, "", byHandle(t, api, pk, "thobe", nil))
		// Removing what is not there is fine too.
		api.MustDo(t, admin, removeQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": ids(thobe)})
		assert.Equal(t, []string{"abaya"}, handles(t, api, pk, nil))
		// A2 was never touched.
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, c.Shop(testenv.Anonymous, "a2.dakkah.test"), nil))

		// A draft, once assigned, is still not sold until published.
		oud := c.Products["draft-oud"].ID
		api.MustDo(t, admin, assignQ, map[string]any{"ch": id(c.ChannelA2.ID), "ps": ids(oud)})
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, c.Shop(testenv.Anonymous, "a2.dakkah.test"), nil))
		api.MustDo(t, admin, `mutation($id: ID!) { updateProduct(id: $id, input: {status: published}) { id } }`, map[string]any{"id": id(oud)})
		assert.Equal(t, []string{"abaya", "draft-oud", "hijab"}, handles(t, api, c.Shop(testenv.Anonymous, "a2.dakkah.test"), nil))
	})
}

func TestAClosedStoreShowsNoCatalog(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		pk := c.As(testenv.PublishableA)
		a1 := c.Shop(testenv.Anonymous, "a1.dakkah.test")
		a2 := c.Shop(testenv.Anonymous, "a2.dakkah.test")

		api.MustDo(t, c.As(testenv.ManagerA1), `mutation($id: ID!) { updateStore(id: $id, input: {status: maintenance}) { id } }`, map[string]any{"id": id(c.StoreA1.ID)})
		assert.Empty(t, handles(t, api, pk, nil))
		assert.Empty(t, handles(t, api, a1, nil))
		assert.Equal(t, "", byHandle(t, api, pk, "thobe", nil))
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, a2, nil), "A2 stays open")
		// Staff still see the store's share of the catalog.
		assert.Equal(t, []string{"abaya", "draft-oud", "thobe"}, handles(t, api, c.As(testenv.TenantAdminA), map[string]any{"storeId": id(c.StoreA1.ID)}))

		api.MustDo(t, c.As(testenv.ManagerA1), `mutation($id: ID!) { updateStore(id: $id, input: {status: active}) { id } }`, map[string]any{"id": id(c.StoreA1.ID)})
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, a1, nil))

		// A suspended tenant's stores serve nothing, by host or by key.
		c.SetTenantStatus(t, c.TenantA.ID, tenant.StatusSuspended)
		for _, h := range []testenv.Headers{pk, a1, a2, c.Shop(testenv.CustomerA, "a2.dakkah.test")} {
			assert.Empty(t, handles(t, api, h, nil))
			assert.Equal(t, "", byHandle(t, api, h, "abaya", nil))
		}
		assert.Equal(t, []string{"gadget"}, handles(t, api, c.Shop(testenv.Anonymous, "b1.dakkah.test"), nil), "B is not affected")
	})
}
