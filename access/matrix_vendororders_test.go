package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/suborder"
	"github.com/dakkah/cityos/ent/vendor"
)

// vendorOrderOf gives A1's order (customer_A's thobe, payment authorised) a vendor order
// of a vendor of tenant A, as checkout would on a marketplace store: 1000 of its total.
func vendorOrderOf(t testing.TB, f *fx) *ent.Suborder {
	t.Helper()
	ctx, c := sysCtx(), f.DB.Client
	if so, err := c.Suborder.Query().Where(suborder.OrderID(f.OrderA1.ID)).Only(ctx); err == nil {
		return so
	}
	v, err := c.Vendor.Create().SetTenantID(f.TenantA.ID).SetHandle("matrix-seller").SetName("Seller").
		SetStatus(vendor.StatusActive).Save(ctx)
	if err != nil {
		t.Fatalf("vendor: %v", err)
	}
	so, err := c.Suborder.Create().SetTenantID(f.TenantA.ID).SetOrderID(f.OrderA1.ID).SetVendorID(v.ID).
		SetStoreID(f.OrderA1.StoreID).SetCurrencyCode(f.OrderA1.CurrencyCode).
		SetSubtotal(1000).SetShippingTotal(0).SetTaxTotal(0).SetTotal(1000).Save(ctx)
	if err != nil {
		t.Fatalf("vendor order: %v", err)
	}
	return so
}

// vendorOrderMutationCases are the rows of the vendor order operations, on a vendor order
// of A1's order. Its tenant's admins and A1's managers run them; customer_A sees it with
// its order but may not run it; anyone else is told it does not exist. (The vendor's own
// people join as principals with "Matrix principals".)
func vendorOrderMutationCases() []Case {
	forbidden, notFound := Deny("FORBIDDEN"), Deny("NOT_FOUND")
	type step func(ctx context.Context, f *fx, so *ent.Suborder) error
	capture := func(ctx context.Context, f *fx, _ *ent.Suborder) error {
		_, err := f.API.App.Orders.Capture(ctx, f.OrderA1.ID)
		return err
	}
	fulfil := func(ctx context.Context, f *fx, so *ent.Suborder) error {
		_, err := f.API.App.Orders.FulfillSuborder(ctx, so.ID)
		return err
	}
	ship := func(ctx context.Context, f *fx, so *ent.Suborder) error {
		_, err := f.API.App.Orders.ShipSuborder(ctx, so.ID)
		return err
	}
	ops := []struct {
		name, args string
		before     []step
		check      Check
	}{
		{"fulfillVendorOrder", "", nil, Eq("fulfillVendorOrder.fulfillmentStatus", "fulfilled")},
		{"shipVendorOrder", "", []step{fulfil}, Eq("shipVendorOrder.fulfillmentStatus", "shipped")},
		{"deliverVendorOrder", "", []step{fulfil, ship}, Eq("deliverVendorOrder.fulfillmentStatus", "delivered")},
		{"refundVendorOrder", ", amount: 100", []step{capture}, Eq("refundVendorOrder.refundedTotal", 100)},
		{"cancelVendorOrder", "", nil, All(Eq("cancelVendorOrder.status", "canceled"), Eq("cancelVendorOrder.refundedTotal", 1000))},
	}
	var cases []Case
	for _, op := range ops {
		before := op.before
		ok := Allow(op.check)
		cases = append(cases, Case{
			Name: op.name + "/A1's vendor order",
			Op: `mutation($id: ID!) { ` + op.name + `(id: $id` + op.args + `) {
				status fulfillmentStatus refundedTotal } }`,
			Vars: func(t testing.TB, f *fx) map[string]any {
				return map[string]any{"id": gid(vendorOrderOf(t, f).ID)}
			},
			Setup: func(t testing.TB, f *fx) {
				t.Helper()
				so := vendorOrderOf(t, f)
				for _, s := range before {
					if err := s(sysCtx(), f, so); err != nil {
						t.Fatalf("set up the vendor order: %v", err)
					}
				}
			},
			Expect: Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: notFound, SK: notFound, AN: notFound},
		})
	}
	return cases
}
