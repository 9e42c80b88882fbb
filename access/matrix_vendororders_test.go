package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/suborder"
)

// vendorOrderOf gives A1's order (customer_A's thobe, payment authorised) a vendor order
// of V1, as checkout would on a marketplace store: 1000 of its total.
func vendorOrderOf(t testing.TB, f *fx) *ent.Suborder {
	t.Helper()
	ctx, c := sysCtx(), f.DB.Client
	if so, err := c.Suborder.Query().Where(suborder.OrderID(f.OrderA1.ID)).Only(ctx); err == nil {
		return so
	}
	so, err := c.Suborder.Create().SetTenantID(f.TenantA.ID).SetOrderID(f.OrderA1.ID).SetVendorID(f.VendorV1.ID).
		SetStoreID(f.OrderA1.StoreID).SetCurrencyCode(f.OrderA1.CurrencyCode).
		SetSubtotal(1000).SetShippingTotal(0).SetTaxTotal(0).SetTotal(1000).Save(ctx)
	if err != nil {
		t.Fatalf("vendor order: %v", err)
	}
	return so
}

// vendorOrderMutationCases are the rows of the vendor order operations, on a vendor order
// of A1's order sold by V1. Its tenant's admins and A1's managers run them; V1's admins
// and staff fulfil, ship and deliver it, its admins (not its staff) cancel it, neither
// refunds it; customer_A sees it with its order but may not run it; anyone else, V2's
// admin too, is told it does not exist.
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
		admin      bool // V1's admin may
		staff      bool // V1's staff may
	}{
		{"fulfillVendorOrder", "", nil, Eq("fulfillVendorOrder.fulfillmentStatus", "fulfilled"), true, true},
		{"shipVendorOrder", "", []step{fulfil}, Eq("shipVendorOrder.fulfillmentStatus", "shipped"), true, true},
		{"deliverVendorOrder", "", []step{fulfil, ship}, Eq("deliverVendorOrder.fulfillmentStatus", "delivered"), true, true},
		{"refundVendorOrder", ", amount: 100", []step{capture}, Eq("refundVendorOrder.refundedTotal", 100), false, false},
		{"cancelVendorOrder", "", nil, All(Eq("cancelVendorOrder.status", "canceled"), Eq("cancelVendorOrder.refundedTotal", 1000)), true, false},
	}
	may := func(yes bool, ok Outcome) Outcome {
		if yes {
			return ok
		}
		return forbidden
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
			Expect: Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: notFound, SK: notFound, AN: notFound,
				VA1: may(op.admin, ok), VS1: may(op.staff, ok), VA2: notFound, C: notFound},
		})
	}
	return cases
}
