package catalog_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/productsaleschannel"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// places lists every product's place in a sales channel, read past the policies, with
// the tenants of its products and of its channels.
func places(t *testing.T, db *testenv.DB) (rows []*ent.ProductSalesChannel, productTenant, channelTenant map[int]int) {
	t.Helper()
	rows, err := db.Client.ProductSalesChannel.Query().WithProduct().WithSalesChannel().All(sys())
	require.NoError(t, err)
	productTenant, channelTenant = map[int]int{}, map[int]int{}
	for _, r := range rows {
		productTenant[r.ProductID] = r.Edges.Product.TenantID
		channelTenant[r.SalesChannelID] = r.Edges.SalesChannel.TenantID
	}
	return rows, productTenant, channelTenant
}

// requirePlacesOfTheirTenant checks every place carries the tenant of its product and
// of its channel, and returns how many places each tenant has.
func requirePlacesOfTheirTenant(t *testing.T, db *testenv.DB) map[int]int {
	t.Helper()
	rows, productTenant, channelTenant := places(t, db)
	per := map[int]int{}
	for _, r := range rows {
		require.Equal(t, productTenant[r.ProductID], r.TenantID, "place of product %d in channel %d", r.ProductID, r.SalesChannelID)
		require.Equal(t, channelTenant[r.SalesChannelID], r.TenantID, "place of product %d in channel %d", r.ProductID, r.SalesChannelID)
		per[r.TenantID]++
	}
	return per
}

// A product's place in a channel carries its tenant, however it was made: a product
// created in channels, a channel given products (the API's assignment), a vendor's
// product approved for a marketplace store.
func TestChannelPlacesCarryTheirTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := newMarketplace(t, db, 0)
		api, ta := m.API, m.As(testenv.TenantAdminA)
		before := requirePlacesOfTheirTenant(t, db)
		require.NotZero(t, before[m.TenantA.ID])
		require.NotZero(t, before[m.TenantB.ID])

		// A product created in a channel.
		p, err := db.Client.Product.Create().SetTenantID(m.TenantB.ID).SetTitle("Kettle").SetHandle("kettle").
			AddSalesChannelIDs(m.ChanB.ID).Save(sys())
		require.NoError(t, err)
		// A channel given products, then one taken out again.
		api.MustDo(t, ta, assignQ, map[string]any{"ch": id(m.ChannelA2.ID), "ps": ids(m.Products["thobe"].ID, m.Products["draft-oud"].ID)})
		api.MustDo(t, ta, removeQ, map[string]any{"ch": id(m.ChannelA2.ID), "ps": ids(m.Products["draft-oud"].ID)})
		// Assigning a product already in the channel leaves it as it is.
		api.MustDo(t, ta, assignQ, map[string]any{"ch": id(m.ChannelA2.ID), "ps": ids(m.Products["thobe"].ID)})
		// A vendor's product approved for the marketplace store A1, where the tenant had
		// already put it (not sold before its approval).
		lamp := m.newVendorProduct(t, m.VA1, m.V1, "v1-lamp")
		api.MustDo(t, m.VA1, submitQ, map[string]any{"p": lamp, "s": id(m.StoreA1.ID)})
		api.MustDo(t, ta, assignQ, map[string]any{"ch": id(m.ChannelA1.ID), "ps": []string{lamp}})
		assert.NotContains(t, handles(t, api, m.Shop(testenv.Anonymous, "a1.dakkah.test"), nil), "v1-lamp")
		api.MustDo(t, ta, approveQ, map[string]any{"p": lamp})

		after := requirePlacesOfTheirTenant(t, db)
		assert.Equal(t, before[m.TenantA.ID]+2, after[m.TenantA.ID], "thobe in A2, the lamp in A1")
		assert.Equal(t, before[m.TenantB.ID]+1, after[m.TenantB.ID], "the kettle in B1")
		n, err := db.Client.ProductSalesChannel.Query().Where(productsaleschannel.ProductID(p.ID), productsaleschannel.TenantID(m.TenantB.ID)).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		assert.Contains(t, handles(t, api, m.Shop(testenv.Anonymous, "a2.dakkah.test"), nil), "thobe")
		assert.Contains(t, handles(t, api, m.Shop(testenv.Anonymous, "a1.dakkah.test"), nil), "v1-lamp")

		// Deleting a product takes its places with it.
		api.MustDo(t, ta, deleteProductQ, map[string]any{"id": id(m.Products["thobe"].ID)})
		n, err = db.Client.ProductSalesChannel.Query().Where(productsaleschannel.ProductID(m.Products["thobe"].ID)).Count(sys())
		require.NoError(t, err)
		assert.Zero(t, n)
	})
}

// An update of many channels cannot add a product to them: the rows may be of several
// tenants, so the place would have none, and the database refuses it.
func TestChannelPlacesNeedOneRowsTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		p, err := db.Client.Product.Create().SetTenantID(c.TenantB.ID).SetTitle("Kettle").SetHandle("kettle").Save(sys())
		require.NoError(t, err)
		err = db.Client.SalesChannel.Update().Where(saleschannel.ID(c.ChanB.ID)).AddProductIDs(p.ID).Exec(sys())
		require.Error(t, err)
		assert.Contains(t, err.Error(), "tenant_id")
		n, err := db.Client.ProductSalesChannel.Query().Where(productsaleschannel.ProductID(p.ID)).Count(sys())
		require.NoError(t, err)
		assert.Zero(t, n)
		// One channel, updated as one row, can.
		require.NoError(t, db.Client.SalesChannel.UpdateOneID(c.ChanB.ID).AddProductIDs(p.ID).Exec(sys()))
		requirePlacesOfTheirTenant(t, db)
	})
}

// Places are read by the platform and the tenant's admins, each tenant's own; nobody
// writes them as rows of their own, not even the tenant's admin (the product's and the
// channel's edges do, under those policies).
func TestChannelPlacesAreTheTenantAdminsOnly(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		per := requirePlacesOfTheirTenant(t, db)
		as := func(v *viewer.Viewer) context.Context { return viewer.NewContext(context.Background(), v) }
		admins := map[int]int{c.TenantA.ID: c.Users[testenv.TenantAdminA].ID, c.TenantB.ID: c.Users[testenv.TenantAdminB].ID}
		admin := func(tenantID int) context.Context {
			return as(&viewer.Viewer{Kind: viewer.User, UserID: admins[tenantID], Grants: []viewer.Grant{{Role: viewer.RoleTenantAdmin, TenantID: tenantID}}})
		}
		count := func(ctx context.Context) (int, error) { return db.Client.ProductSalesChannel.Query().Count(ctx) }

		n, err := count(admin(c.TenantA.ID))
		require.NoError(t, err)
		assert.Equal(t, per[c.TenantA.ID], n)
		n, err = count(admin(c.TenantB.ID))
		require.NoError(t, err)
		assert.Equal(t, per[c.TenantB.ID], n)
		rows, err := db.Client.ProductSalesChannel.Query().All(admin(c.TenantB.ID))
		require.NoError(t, err)
		for _, r := range rows {
			assert.Equal(t, c.TenantB.ID, r.TenantID)
		}

		for name, ctx := range map[string]context.Context{
			"A1's manager": as(&viewer.Viewer{Kind: viewer.User, UserID: c.Users[testenv.ManagerA1].ID,
				Grants: []viewer.Grant{{Role: viewer.RoleStoreManager, TenantID: c.TenantA.ID, StoreID: c.StoreA1.ID}}}),
			"A's customer": as(&viewer.Viewer{Kind: viewer.User, UserID: c.Users[testenv.CustomerA].ID,
				Grants: []viewer.Grant{{Role: viewer.RoleCustomer, TenantID: c.TenantA.ID}}, TenantID: c.TenantA.ID, StoreID: c.StoreA1.ID, ShopOpen: true}),
			"A1's publishable key": as(&viewer.Viewer{Kind: viewer.PublishableKey, TenantID: c.TenantA.ID, StoreID: c.StoreA1.ID, ShopOpen: true}),
			"A1's shopper":         as(&viewer.Viewer{Kind: viewer.Anonymous, TenantID: c.TenantA.ID, StoreID: c.StoreA1.ID, ShopOpen: true}),
		} {
			_, err := count(ctx)
			assert.Error(t, err, name)
		}

		err = db.Client.ProductSalesChannel.Create().SetTenantID(c.TenantA.ID).
			SetProductID(c.Products["hijab"].ID).SetSalesChannelID(c.ChannelA1.ID).Exec(admin(c.TenantA.ID))
		require.Error(t, err)
		_, err = db.Client.ProductSalesChannel.Delete().Exec(admin(c.TenantA.ID))
		require.Error(t, err)
		assert.Equal(t, per, requirePlacesOfTheirTenant(t, db), "nothing written")

		// From the product's side, as from the channel's, only the tenant's own channels.
		hijab := c.Products["hijab"].ID
		err = db.Client.Product.UpdateOneID(hijab).AddSalesChannelIDs(c.ChanB.ID).Exec(admin(c.TenantA.ID))
		require.Error(t, err, "another tenant's channel")
		err = db.Client.Product.Create().SetTenantID(c.TenantA.ID).SetTitle("Kettle").SetHandle("kettle").
			AddSalesChannelIDs(c.ChannelA1.ID, c.ChanB.ID).Exec(admin(c.TenantA.ID))
		require.Error(t, err, "another tenant's channel among its own")
		assert.Equal(t, per, requirePlacesOfTheirTenant(t, db), "nothing written")
		require.NoError(t, db.Client.Product.UpdateOneID(hijab).AddSalesChannelIDs(c.ChannelA1.ID).Exec(admin(c.TenantA.ID)))
		assert.Equal(t, per[c.TenantA.ID]+1, requirePlacesOfTheirTenant(t, db)[c.TenantA.ID])
	})
}
