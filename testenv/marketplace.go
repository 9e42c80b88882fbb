package testenv

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/viewer"
)

// Marketplace is the commerce fixture with store A1 a marketplace: three active vendors of
// tenant A, each selling one approved product in A1 from a stock location of its own
// (10 in stock, priced in SAR and AED), written with the system context as the products
// helper's review would leave them:
//   - "lamp"  of V1: 10000 SAR, 9900 AED
//   - "rug"   of V2: 33333 SAR, 33300 AED
//   - "spice" of V3: 1999 SAR, 1900 AED
//
// AdminV1, StaffV1 and AdminV2 sign in as vendor_admin of V1, vendor_staff of V1 and
// vendor_admin of V2.
type Marketplace struct {
	*Commerce
	V1, V2, V3                *ent.Vendor
	AdminV1, StaffV1, AdminV2 Headers
}

// NewMarketplace builds the commerce fixture and the marketplace on it.
func NewMarketplace(t testing.TB, db *DB) *Marketplace {
	t.Helper()
	m := &Marketplace{Commerce: NewCommerce(t, db)}
	ctx := viewer.SystemContext(context.Background(), "test-marketplace")
	cl := db.Client
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("marketplace fixture: %v", err)
		}
	}
	must(cl.Store.UpdateOneID(m.StoreA1.ID).SetStorefrontType(store.StorefrontTypeMarketplace).Exec(ctx))
	seller := func(handle, title string, sar, aed int64) *ent.Vendor {
		v, err := cl.Vendor.Create().SetTenantID(m.TenantA.ID).SetHandle(handle).SetName("Vendor " + handle).
			SetStatus(vendor.StatusActive).Save(ctx)
		must(err)
		loc, err := cl.StockLocation.Create().SetTenantID(m.TenantA.ID).SetName(handle + " warehouse").SetVendorID(v.ID).Save(ctx)
		must(err)
		p, err := cl.Product.Create().SetTenantID(m.TenantA.ID).SetTitle("The " + title).SetHandle(title).
			SetStatus(product.StatusPublished).SetVendorID(v.ID).SetReviewStatus(product.ReviewStatusApproved).
			SetReviewStoreID(m.StoreA1.ID).Save(ctx)
		must(err)
		must(cl.SalesChannel.UpdateOneID(m.ChannelA1.ID).AddProductIDs(p.ID).Exec(ctx))
		pv, err := cl.ProductVariant.Create().SetTenantID(m.TenantA.ID).SetProductID(p.ID).SetTitle("Default").SetSku("SKU-" + title).Save(ctx)
		must(err)
		must(cl.Price.Create().SetTenantID(m.TenantA.ID).SetVariantID(pv.ID).SetCurrencyCode("SAR").SetAmount(sar).Exec(ctx))
		must(cl.Price.Create().SetTenantID(m.TenantA.ID).SetVariantID(pv.ID).SetCurrencyCode("AED").SetAmount(aed).Exec(ctx))
		must(cl.InventoryLevel.Create().SetTenantID(m.TenantA.ID).SetVariantID(pv.ID).SetLocationID(loc.ID).SetStockedQuantity(10).Exec(ctx))
		m.Products[title], m.Variants[title] = p, pv
		return v
	}
	m.V1 = seller("v1", "lamp", 10000, 9900)
	m.V2 = seller("v2", "rug", 33333, 33300)
	m.V3 = seller("v3", "spice", 1999, 1900)
	m.AdminV1 = m.vendorLogin(t, "admin@v1.test", membership.RoleVendorAdmin, m.V1)
	m.StaffV1 = m.vendorLogin(t, "staff@v1.test", membership.RoleVendorStaff, m.V1)
	m.AdminV2 = m.vendorLogin(t, "admin@v2.test", membership.RoleVendorAdmin, m.V2)
	return m
}

// vendorLogin creates a user holding role in v and signs it in.
func (m *Marketplace) vendorLogin(t testing.TB, email string, role membership.Role, v *ent.Vendor) Headers {
	t.Helper()
	ctx := viewer.SystemContext(context.Background(), "test-marketplace")
	u, err := m.API.App.Tenancy.CreateUser(ctx, tenancy.CreateUserInput{Email: email, Password: Password})
	if err == nil {
		err = m.API.DB.Client.Membership.Create().SetUserID(u.ID).SetRole(role).SetTenantID(v.TenantID).SetVendorID(v.ID).Exec(ctx)
	}
	if err != nil {
		t.Fatalf("marketplace fixture: %v", err)
	}
	s, err := m.API.App.Identity.Login(context.Background(), email, Password)
	if err != nil {
		t.Fatalf("marketplace fixture: %v", err)
	}
	return Headers{"Authorization": "Bearer " + s.AccessToken}
}
