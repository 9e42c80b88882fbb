package catalog_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// marketplace is tenant A with store A1 made a marketplace store, its active vendors V1
// and V2 (and tenant B's vendor VB), and signed-in members: V1's admin and staff, V2's admin.
type marketplace struct {
	*testenv.Commerce
	V1, V2, VB    *ent.Vendor
	VA1, VS1, VA2 testenv.Headers
}

func newMarketplace(t *testing.T, db *testenv.DB, ttl time.Duration) *marketplace {
	t.Helper()
	cfg := testenv.Config()
	cfg.CatalogCacheTTL = ttl
	m := &marketplace{Commerce: testenv.NewCommerceWith(t, db, cfg)}
	cl := db.Client
	cl.Store.UpdateOneID(m.StoreA1.ID).SetStorefrontType(store.StorefrontTypeMarketplace).ExecX(sys())
	mk := func(tenantID int, handle string) *ent.Vendor {
		return cl.Vendor.Create().SetTenantID(tenantID).SetHandle(handle).SetName("Vendor " + handle).SetStatus(vendor.StatusActive).
			SetLogo("https://img.example/" + handle + ".png").SetPayoutAccount("acct_" + handle).SetContactEmail(handle + "@vendors.test").SaveX(sys())
	}
	m.V1, m.V2, m.VB = mk(m.TenantA.ID, "v1"), mk(m.TenantA.ID, "v2"), mk(m.TenantB.ID, "vb")
	m.VA1 = m.member(t, m.V1, membership.RoleVendorAdmin, "admin@v1.test")
	m.VS1 = m.member(t, m.V1, membership.RoleVendorStaff, "staff@v1.test")
	m.VA2 = m.member(t, m.V2, membership.RoleVendorAdmin, "admin@v2.test")
	return m
}

// member signs in a new member of vendor v with role.
func (m *marketplace) member(t *testing.T, v *ent.Vendor, role membership.Role, email string) testenv.Headers {
	t.Helper()
	u, err := m.API.App.Tenancy.CreateUser(sys(), tenancy.CreateUserInput{Email: email, Password: testenv.Password})
	require.NoError(t, err)
	m.API.DB.Client.Membership.Create().SetUserID(u.ID).SetRole(role).SetTenantID(v.TenantID).SetVendorID(v.ID).ExecX(sys())
	s, err := m.API.App.Identity.Login(context.Background(), email, testenv.Password)
	require.NoError(t, err)
	return testenv.Headers{"Authorization": "Bearer " + s.AccessToken}
}

const (
	createVendorProductQ = `mutation($in: CreateProductInput!) { createProduct(input: $in) { id vendorID reviewStatus } }`
	submitQ              = `mutation($p: ID!, $s: ID!) { submitProductForReview(productId: $p, storeId: $s) { reviewStatus reviewStoreID } }`
	approveQ             = `mutation($p: ID!) { approveProduct(productId: $p) { reviewStatus } }`
	rejectQ              = `mutation($p: ID!, $n: String!) { rejectProduct(productId: $p, note: $n) { reviewStatus reviewNote } }`
)

// newVendorProduct has h create a published product of vendor v with a variant priced
// in SAR and stock at a stock location of v's own, and returns its id.
func (m *marketplace) newVendorProduct(t *testing.T, h testenv.Headers, v *ent.Vendor, handle string) string {
	t.Helper()
	var out struct {
		CreateProduct struct{ ID, VendorID, ReviewStatus string }
	}
	m.API.MustDo(t, h, createVendorProductQ, map[string]any{"in": map[string]any{
		"tenantId": id(v.TenantID), "vendorId": id(v.ID), "title": "The " + handle, "handle": handle, "status": "published"}}).Decode(t, &out)
	require.Equal(t, id(v.ID), out.CreateProduct.VendorID)
	require.Equal(t, "not_submitted", out.CreateProduct.ReviewStatus)
	var variant struct{ CreateProductVariant struct{ ID string } }
	m.API.MustDo(t, h, `mutation($p: ID!, $sku: String!) { createProductVariant(input: {productId: $p, title: "Default", sku: $sku}) { id } }`,
		map[string]any{"p": out.CreateProduct.ID, "sku": "SKU-" + handle}).Decode(t, &variant)
	m.API.MustDo(t, h, `mutation($v: ID!) { setPrice(input: {variantId: $v, currencyCode: "SAR", amount: 12000}) { id } }`,
		map[string]any{"v": variant.CreateProductVariant.ID})
	var loc struct{ CreateStockLocation struct{ ID string } }
	m.API.MustDo(t, h, `mutation($t: ID!, $v: ID!, $n: String!) { createStockLocation(input: {tenantId: $t, vendorId: $v, name: $n}) { id } }`,
		map[string]any{"t": id(v.TenantID), "v": id(v.ID), "n": handle + " store room"}).Decode(t, &loc)
	m.API.MustDo(t, h, `mutation($v: ID!, $l: ID!) { setStockLevel(variantId: $v, locationId: $l, stockedQuantity: 5) { stockedQuantity } }`,
		map[string]any{"v": variant.CreateProductVariant.ID, "l": loc.CreateStockLocation.ID})
	return out.CreateProduct.ID
}

// A vendor's admins keep its catalog and nobody else's; its staff read it; a vendor never
// puts a product in a store itself, and never sees the tenant's other products.
func TestVendorCatalogWalls(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := newMarketplace(t, db, 0)
		api := m.API
		lamp := m.newVendorProduct(t, m.VA1, m.V1, "v1-lamp")
		variant := db.Client.Product.GetX(sys(), atoi(t, lamp)).QueryVariants().OnlyX(sys())

		// Only V1's products, for V1's admin and staff; V2's admin sees none of them.
		assert.Equal(t, []string{"v1-lamp"}, handles(t, api, m.VA1, nil))
		assert.Equal(t, []string{"v1-lamp"}, handles(t, api, m.VS1, nil))
		assert.Equal(t, []string{}, handles(t, api, m.VA2, nil))
		assert.Contains(t, handles(t, api, m.As(testenv.TenantAdminA), map[string]any{"where": map[string]any{"vendorID": id(m.V1.ID)}}), "v1-lamp")
		for _, h := range []testenv.Headers{m.As(testenv.TenantAdminB), m.As(testenv.SecretB)} {
			assert.Equal(t, []string{}, handles(t, api, h, map[string]any{"where": map[string]any{"vendorID": id(m.V1.ID)}}), "tenant B sees no product of A's vendor")
		}
		var prices struct {
			Products struct {
				Edges []struct {
					Node struct {
						Variants []struct{ Prices []struct{ Amount int } }
					}
				}
			}
		}
		api.MustDo(t, m.VS1, `{ products(first: 5) { edges { node { variants { prices { amount } } } } } }`, nil).Decode(t, &prices)
		assert.Equal(t, 12000, prices.Products.Edges[0].Node.Variants[0].Prices[0].Amount, "a vendor's members read its prices")

		update := `mutation($id: ID!) { updateProduct(id: $id, input: {title: "Mine"}) { title } }`
		requireError(t, api.Do(t, m.VA2, update, map[string]any{"id": lamp}), "NOT_FOUND")
		requireError(t, api.Do(t, m.As(testenv.SecretB), update, map[string]any{"id": lamp}), "NOT_FOUND")
		requireError(t, api.Do(t, m.VS1, update, map[string]any{"id": lamp}), "FORBIDDEN")
		requireError(t, api.Do(t, m.VA2, update, map[string]any{"id": id(m.Products["thobe"].ID)}), "NOT_FOUND")
		api.MustDo(t, m.VA1, update, map[string]any{"id": lamp})

		// Never for another vendor, nor as the tenant's own product; staff create nothing.
		mkIn := func(vendorID *int) map[string]any {
			in := map[string]any{"tenantId": id(m.TenantA.ID), "title": "X", "handle": "x"}
			if vendorID != nil {
				in["vendorId"] = id(*vendorID)
			}
			return map[string]any{"in": in}
		}
		requireError(t, api.Do(t, m.VA1, createVendorProductQ, mkIn(&m.V2.ID)), "NOT_FOUND")
		requireError(t, api.Do(t, m.VA1, createVendorProductQ, mkIn(nil)), "FORBIDDEN")
		requireError(t, api.Do(t, m.VS1, createVendorProductQ, mkIn(&m.V1.ID)), "FORBIDDEN")
		requireError(t, api.Do(t, m.VA2, `mutation($v: ID!) { setPrice(input: {variantId: $v, currencyCode: "SAR", amount: 1}) { id } }`,
			map[string]any{"v": id(variant.ID)}), "NOT_FOUND")
		// Stock only at V1's own locations: not the tenant's.
		requireError(t, api.Do(t, m.VA1, `mutation($v: ID!, $l: ID!) { setStockLevel(variantId: $v, locationId: $l, stockedQuantity: 1) { id } }`,
			map[string]any{"v": id(variant.ID), "l": id(m.LocationA.ID)}), "NOT_FOUND")

		// A vendor never puts its product in a store's channel: not through the API, not
		// through the product's edge.
		requireError(t, api.Do(t, m.VA1, assignQ, map[string]any{"ch": id(m.ChannelA1.ID), "ps": []string{lamp}}), "FORBIDDEN")
		va1 := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.User, UserID: 1,
			Grants: []viewer.Grant{{Role: viewer.RoleVendorAdmin, TenantID: m.TenantA.ID, VendorID: m.V1.ID}}})
		require.Error(t, db.Client.Product.UpdateOneID(atoi(t, lamp)).AddSalesChannelIDs(m.ChannelA1.ID).Exec(va1))
		require.Error(t, db.Client.Product.UpdateOneID(atoi(t, lamp)).SetReviewStatus(product.ReviewStatusApproved).Exec(va1))
		require.Error(t, db.Client.Product.UpdateOneID(atoi(t, lamp)).SetReviewNote("fine").Exec(va1))
		assert.Zero(t, db.Client.Product.GetX(sys(), atoi(t, lamp)).QuerySalesChannels().CountX(sys()))

		// Put in the channel by hand, an unreviewed vendor product is still not sold.
		db.Client.SalesChannel.UpdateOneID(m.ChannelA1.ID).AddProductIDs(atoi(t, lamp)).ExecX(sys())
		assert.NotContains(t, handles(t, api, m.Shop(testenv.Anonymous, "a1.dakkah.test"), nil), "v1-lamp")

		// Suspended, V1's members read and do not write.
		db.Client.Vendor.UpdateOneID(m.V1.ID).SetStatus(vendor.StatusSuspended).ExecX(sys())
		assert.Equal(t, []string{"v1-lamp"}, handles(t, api, m.VA1, nil))
		requireError(t, api.Do(t, m.VA1, update, map[string]any{"id": lamp}), "FORBIDDEN")
		requireError(t, api.Do(t, m.VA1, `mutation($v: ID!) { setPrice(input: {variantId: $v, currencyCode: "SAR", amount: 1}) { id } }`,
			map[string]any{"v": id(variant.ID)}), "FORBIDDEN")
	})
}
