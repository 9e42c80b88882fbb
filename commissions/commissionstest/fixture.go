// Package commissionstest builds the marketplace rows the ledger and payout tests start
// from: vendors, a category tree, vendors' products, and orders split into vendor orders,
// written straight to the database (checkout's split is tested where it is built).
package commissionstest

import (
	"context"
	"fmt"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// Market is tenant A with vendors V1 (payout account acct_v1) and V2, tenant B with VB;
// categories Food > Spices in A; products: P1 of V1 in Spices, P2 of V2 in no category,
// PB of VB.
type Market struct {
	*testenv.Fixture
	DB               *testenv.DB
	V1, V2, VB       *ent.Vendor
	Food, Spices     *ent.ProductCategory
	P1, P2, PB       *ent.Product
	Var1, Var2, VarB *ent.ProductVariant
	Sys              context.Context
	orders           int
}

// New builds the market on db.
func New(t testing.TB, db *testenv.DB) *Market {
	t.Helper()
	m := &Market{Fixture: testenv.NewFixture(t, db), DB: db, Sys: viewer.SystemContext(context.Background(), "test-market")}
	c, a, b := db.Client, m.TenantA.ID, m.TenantB.ID
	m.V1 = ok(c.Vendor.Create().SetTenantID(a).SetHandle("v1").SetName("V1").SetStatus(vendor.StatusActive).SetPayoutAccount("acct_v1").Save(m.Sys))
	m.V2 = ok(c.Vendor.Create().SetTenantID(a).SetHandle("v2").SetName("V2").SetStatus(vendor.StatusActive).Save(m.Sys))
	m.VB = ok(c.Vendor.Create().SetTenantID(b).SetHandle("vb").SetName("VB").SetStatus(vendor.StatusActive).SetPayoutAccount("acct_vb").Save(m.Sys))
	m.Food = ok(c.ProductCategory.Create().SetTenantID(a).SetName("Food").SetHandle("food").Save(m.Sys))
	m.Spices = ok(c.ProductCategory.Create().SetTenantID(a).SetName("Spices").SetHandle("spices").SetParentID(m.Food.ID).Save(m.Sys))
	product := func(tenant int, v *ent.Vendor, cat *ent.ProductCategory, handle string) (*ent.Product, *ent.ProductVariant) {
		pc := c.Product.Create().SetTenantID(tenant).SetVendorID(v.ID).SetTitle(handle).SetHandle(handle)
		if cat != nil {
			pc.SetCategoryID(cat.ID)
		}
		p := ok(pc.Save(m.Sys))
		return p, ok(c.ProductVariant.Create().SetTenantID(tenant).SetProductID(p.ID).SetTitle("Default").SetSku("SKU-" + handle).Save(m.Sys))
	}
	m.P1, m.Var1 = product(a, m.V1, m.Spices, "saffron")
	m.P2, m.Var2 = product(a, m.V2, nil, "kettle")
	m.PB, m.VarB = product(b, m.VB, nil, "lamp")
	return m
}

// ok is v, or a panic (a failed test) when the fixture could not be written.
func ok[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("market fixture: %v", err))
	}
	return v
}

// Line is an order line to place: a variant and the line's total.
type Line struct {
	Variant *ent.ProductVariant
	Total   int64
}

// Placed is an order placed by Order: the order, its vendor orders by vendor id and its
// lines in the order given.
type Placed struct {
	Order     *ent.Order
	Suborders map[int]*ent.Suborder
	Lines     []*ent.OrderLineItem
}

// Order places an order in store A1 (B1 for tenant B's products), in currency, with
// payment status ps, split by the lines' vendors, as checkout writes it.
func (m *Market) Order(t testing.TB, currency string, ps order.PaymentStatus, lines ...Line) Placed {
	t.Helper()
	c := m.DB.Client
	m.orders++
	p := ok(c.Product.Get(m.Sys, lines[0].Variant.ProductID))
	store := m.StoreA1.ID
	if p.TenantID == m.TenantB.ID {
		store = m.StoreB1.ID
	}
	var total int64
	byVendor := map[int]int64{}
	for _, l := range lines {
		total += l.Total
		byVendor[m.vendorOf(t, l.Variant)] += l.Total
	}
	o := ok(c.Order.Create().SetTenantID(p.TenantID).SetStoreID(store).SetDisplayID(m.orders).
		SetIdempotencyKey(fmt.Sprintf("market-%d", m.orders)).SetCurrencyCode(currency).SetSubtotal(total).
		SetShippingTotal(0).SetTaxTotal(0).SetTotal(total).SetPaymentProvider("manual").SetPaymentStatus(ps).Save(m.Sys))
	out := Placed{Order: o, Suborders: map[int]*ent.Suborder{}}
	for v, sum := range byVendor {
		out.Suborders[v] = ok(c.Suborder.Create().SetTenantID(p.TenantID).SetOrderID(o.ID).SetVendorID(v).
			SetStoreID(store).SetCurrencyCode(currency).SetSubtotal(sum).SetShippingTotal(0).SetTaxTotal(0).
			SetTotal(sum).Save(m.Sys))
	}
	for _, l := range lines {
		v := m.vendorOf(t, l.Variant)
		out.Lines = append(out.Lines, ok(c.OrderLineItem.Create().SetTenantID(p.TenantID).SetOrderID(o.ID).
			SetVariantID(l.Variant.ID).SetTitle(l.Variant.Sku).SetSku(l.Variant.Sku).SetQuantity(1).
			SetUnitPrice(l.Total).SetTotal(l.Total).SetVendorID(v).SetSuborderID(out.Suborders[v].ID).Save(m.Sys)))
	}
	return out
}

func (m *Market) vendorOf(t testing.TB, v *ent.ProductVariant) int {
	t.Helper()
	return *ok(m.DB.Client.Product.Get(m.Sys, v.ProductID)).VendorID
}

// Refund records that vendor order so has given back refundedTotal in all.
func (m *Market) Refund(t testing.TB, so *ent.Suborder, refundedTotal int64) {
	t.Helper()
	ok(m.DB.Client.Suborder.UpdateOneID(so.ID).SetRefundedTotal(refundedTotal).Save(m.Sys))
}

// Cancel cancels vendor order so.
func (m *Market) Cancel(t testing.TB, so *ent.Suborder) {
	t.Helper()
	ok(m.DB.Client.Suborder.UpdateOneID(so.ID).SetStatus("canceled").Save(m.Sys))
}

// Rule adds a rule to tenant A: scope, scope id (0 for the tenant), bps and flat (SAR).
func (m *Market) Rule(t testing.TB, scope string, scopeID, bps int, flat int64) *ent.CommissionRule {
	t.Helper()
	r := m.DB.Client.CommissionRule.Create().SetTenantID(m.TenantA.ID).SetScope(commissionrule.Scope(scope)).SetBps(bps).SetFlat(flat)
	if scopeID != 0 {
		r.SetScopeID(scopeID)
	}
	if flat > 0 {
		r.SetCurrencyCode("SAR")
	}
	return ok(r.Save(m.Sys))
}

// As is the context of a viewer: "admin-a" (tenant admin of A), "admin-b", "v1", "v1-staff",
// "v2" (vendor admins and staff).
func (m *Market) As(who string) context.Context {
	a, b := m.TenantA.ID, m.TenantB.ID
	grants := map[string][]viewer.Grant{
		"admin-a":  {{Role: viewer.RoleTenantAdmin, TenantID: a}},
		"admin-b":  {{Role: viewer.RoleTenantAdmin, TenantID: b}},
		"v1":       {{Role: viewer.RoleVendorAdmin, TenantID: a, VendorID: m.V1.ID}},
		"v1-staff": {{Role: viewer.RoleVendorStaff, TenantID: a, VendorID: m.V1.ID}},
		"v2":       {{Role: viewer.RoleVendorAdmin, TenantID: a, VendorID: m.V2.ID}},
	}[who]
	if grants == nil {
		panic("commissionstest: no viewer " + who)
	}
	return viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.User, UserID: 1_000_000, Grants: grants})
}
