package catalog_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/testenv"
)

func TestAnotherTenantCannotReachAsProducts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		thobe := id(c.Products["thobe"].ID)
		thobeV := id(c.Variants["thobe"].ID)

		for _, who := range []string{testenv.TenantAdminB, testenv.SecretB} {
			h := c.As(who)
			assert.Equal(t, "", byHandle(t, api, h, "thobe", nil), who)
			assert.Equal(t, []string{"gadget"}, handles(t, api, h, map[string]any{"search": "the"}), who)
			requireError(t, api.Do(t, h, updateProductQ, map[string]any{"id": thobe, "in": map[string]any{"title": "Mine now"}}), "NOT_FOUND", "")
			requireError(t, api.Do(t, h, deleteProductQ, map[string]any{"id": thobe}), "NOT_FOUND", "")
			requireError(t, api.Do(t, h, createVariantQ, map[string]any{"in": map[string]any{"productId": thobe, "title": "x", "sku": "B-X"}}), "NOT_FOUND", "")
			requireError(t, api.Do(t, h, updateVariantQ, map[string]any{"id": thobeV, "in": map[string]any{"sku": "B-Y"}}), "NOT_FOUND", "")
			requireError(t, api.Do(t, h, deleteVariantQ, map[string]any{"id": thobeV}), "NOT_FOUND", "")
			// Neither into B's channel nor into A's.
			requireError(t, api.Do(t, h, assignQ, map[string]any{"ch": id(c.ChanB.ID), "ps": []string{thobe}}), "NOT_FOUND", "")
			requireError(t, api.Do(t, h, assignQ, map[string]any{"ch": id(c.ChanB.ID), "ps": ids(c.Products["gadget"].ID, c.Products["thobe"].ID)}), "NOT_FOUND", "")
			requireError(t, api.Do(t, h, assignQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": ids(c.Products["gadget"].ID)}), "NOT_FOUND", "")
			requireError(t, api.Do(t, h, removeQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": []string{thobe}}), "NOT_FOUND", "")
			// A's channels are not B's to list.
			r := api.MustDo(t, h, `query($s: ID!) { salesChannels(storeId: $s) { id } }`, map[string]any{"s": id(c.StoreA1.ID)})
			assert.JSONEq(t, `{"salesChannels":[]}`, string(r.Data), who)
		}
		// A's admin cannot put A's product into B's channel: it does not see it.
		requireError(t, api.Do(t, c.As(testenv.TenantAdminA), assignQ, map[string]any{"ch": id(c.ChanB.ID), "ps": []string{thobe}}), "NOT_FOUND", "")
		// The platform sees both, and is still refused: a channel holds its tenant's products only.
		requireError(t, api.Do(t, c.As(testenv.SuperAdmin), assignQ, map[string]any{"ch": id(c.ChanB.ID), "ps": []string{thobe}}), "BAD_USER_INPUT", "productIds")

		// Nothing changed.
		p, err := db.Client.Product.Get(sys(), c.Products["thobe"].ID)
		require.NoError(t, err)
		assert.Equal(t, "The thobe", p.Title)
		n, err := db.Client.ProductVariant.Query().Where(productvariant.ProductID(p.ID)).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		assert.Equal(t, []string{"gadget"}, handles(t, api, c.Shop(testenv.Anonymous, "b1.dakkah.test"), nil))
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, c.As(testenv.PublishableA), nil))
	})
}

func TestWhoMayChangeTheCatalog(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		tA := id(c.TenantA.ID)
		thobe := id(c.Products["thobe"].ID)
		hijab := id(c.Products["hijab"].ID)
		newProduct := map[string]any{"in": map[string]any{"tenantId": tA, "title": "Sneaky", "handle": "sneaky"}}

		// A store manager assigns products to its store's channels, and nothing more.
		mgr := c.As(testenv.ManagerA1)
		api.MustDo(t, mgr, assignQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": []string{hijab}})
		assert.Equal(t, []string{"abaya", "hijab", "thobe"}, handles(t, api, c.As(testenv.PublishableA), nil))
		api.MustDo(t, mgr, removeQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": []string{hijab}})
		requireError(t, api.Do(t, mgr, assignQ, map[string]any{"ch": id(c.ChannelA2.ID), "ps": []string{thobe}}), "NOT_FOUND", "")
		requireError(t, api.Do(t, mgr, removeQ, map[string]any{"ch": id(c.ChannelA2.ID), "ps": []string{hijab}}), "NOT_FOUND", "")
		requireError(t, api.Do(t, mgr, createProductQ, newProduct), "FORBIDDEN", "")
		requireError(t, api.Do(t, mgr, updateProductQ, map[string]any{"id": thobe, "in": map[string]any{"title": "x"}}), "FORBIDDEN", "")
		requireError(t, api.Do(t, mgr, deleteProductQ, map[string]any{"id": thobe}), "FORBIDDEN", "")
		requireError(t, api.Do(t, mgr, createVariantQ, map[string]any{"in": map[string]any{"productId": thobe, "title": "x", "sku": "M-X"}}), "FORBIDDEN", "")
		requireError(t, api.Do(t, mgr, deleteVariantQ, map[string]any{"id": id(c.Variants["thobe"].ID)}), "FORBIDDEN", "")
		requireError(t, api.Do(t, mgr, `mutation($s: ID!) { createSalesChannel(input: {storeId: $s, name: "Pop-up"}) { id } }`, map[string]any{"s": id(c.StoreA1.ID)}), "FORBIDDEN", "")
		requireError(t, api.Do(t, mgr, `mutation($t: ID!) { createProductCategory(input: {tenantId: $t, name: "X", handle: "x"}) { id } }`, map[string]any{"t": tA}), "FORBIDDEN", "")

		// Shoppers write nothing.
		for _, who := range []string{testenv.CustomerA, testenv.PublishableA, testenv.Anonymous} {
			// The customer lacks the right; the others have not signed in.
			refused := "UNAUTHENTICATED"
			if who == testenv.CustomerA {
				refused = "FORBIDDEN"
			}
			for _, h := range []testenv.Headers{c.As(who), c.Shop(who, "a1.dakkah.test")} {
				requireError(t, api.Do(t, h, createProductQ, newProduct), refused, "")
				requireError(t, api.Do(t, h, updateProductQ, map[string]any{"id": thobe, "in": map[string]any{"title": "x"}}), refused, "")
				requireError(t, api.Do(t, h, deleteProductQ, map[string]any{"id": thobe}), refused, "")
				requireError(t, api.Do(t, h, createVariantQ, map[string]any{"in": map[string]any{"productId": thobe, "title": "x", "sku": "C-X"}}), refused, "")
				requireError(t, api.Do(t, h, assignQ, map[string]any{"ch": id(c.ChannelA1.ID), "ps": []string{hijab}}), refused, "")
				requireError(t, api.Do(t, h, `mutation($t: ID!) { createProductCollection(input: {tenantId: $t, title: "X", handle: "x"}) { id } }`, map[string]any{"t": tA}), refused, "")
			}
		}

		// Nothing changed.
		n, err := db.Client.Product.Query().Where(product.TenantID(c.TenantA.ID)).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 4, n)
		p, err := db.Client.Product.Get(sys(), c.Products["thobe"].ID)
		require.NoError(t, err)
		assert.Equal(t, "The thobe", p.Title)
		assert.Equal(t, []string{"abaya", "thobe"}, handles(t, api, c.As(testenv.PublishableA), nil))
		assert.Equal(t, []string{"abaya", "hijab"}, handles(t, api, c.Shop(testenv.Anonymous, "a2.dakkah.test"), nil))
	})
}
