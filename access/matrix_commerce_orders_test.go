package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent"
)

// orderMutationCases are the write rows of checkout and orders. completeCart is the
// shopper's, on a cart it reaches; the order operations are staff's: the tenant's admins
// and the order's store's managers. A customer sees its own order but may not run it;
// anyone who cannot see an order is told it does not exist. The fixture's orders (one
// unit each, payment authorised): customer_A's in A1, a guest's in A2, ShopperB's in B1.
func orderMutationCases() []Case {
	forbidden, notFound, badInput := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("BAD_USER_INPUT")
	vars := func(build func(f *fx) map[string]any) func(testing.TB, *fx) map[string]any {
		return func(_ testing.TB, f *fx) map[string]any { return build(f) }
	}
	complete := func(pick func(f *fx) *ent.Cart) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any { return map[string]any{"c": gid(pick(f).Token), "k": "matrix-checkout"} })
	}
	const completeOp = `mutation($c: ID!, $k: String!) { completeCart(cartId: $c, idempotencyKey: $k) {
		email status paymentStatus store { handle } items { sku quantity } } }`
	placed := func(store, sku, email string) Outcome {
		return Allow(Eq("completeCart.store.handle", store), Eq("completeCart.email", email), Eq("completeCart.status", "pending"),
			Eq("completeCart.paymentStatus", "authorized"), Set("completeCart.items", "sku", sku))
	}

	cases := []Case{
		{
			// customer_A's cart in A1, with no store named: its customer and A1's key; staff
			// reach it but never change it; an anonymous caller is asked to name the store.
			Name: "completeCart/A1's cart",
			Op:   completeOp,
			Vars: complete(func(f *fx) *ent.Cart { return f.CartA1 }),
			Expect: func() Cells {
				ok := placed("a1", "SKU-thobe", "customer@acme.test")
				return Cells{SA: forbidden, TA: forbidden, SM: forbidden, CU: ok, PK: ok, SK: notFound, AN: badInput, V: notFound, C: notFound}
			}(),
		},
		{
			Name:    "completeCart/A1's cart in the storefront",
			Op:      completeOp,
			Vars:    complete(func(f *fx) *ent.Cart { return f.CartA1 }),
			Headers: shopping,
			Expect: func() Cells {
				ok := placed("a1", "SKU-thobe", "customer@acme.test")
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: ok, SK: notFound, AN: ok}
			}(),
		},
		{
			// A guest's cart in A2: not A1's manager's, nor A1's key's.
			Name: "completeCart/A2's cart",
			Op:   completeOp,
			Vars: complete(func(f *fx) *ent.Cart { return f.CartA2 }),
			// A's admins reach it, but staff never change a shopper's cart.
			Expect: Cells{SA: forbidden, TA: forbidden, SM: notFound, CU: notFound, PK: notFound, SK: notFound, AN: badInput},
		},
		{
			// B1's cart token used in A1's storefront: the platform reaches it, but shopping
			// in A1 it may not complete B1's cart.
			Name:    "completeCart/B1's cart via A1",
			Op:      completeOp,
			Vars:    complete(func(f *fx) *ent.Cart { return f.CartB1 }),
			Headers: shopping,
			Expect: func() Cells {
				ok := placed("b1", "SKU-gadget", "shopper@bolt.test")
				return Cells{SA: forbidden, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: notFound}
			}(),
		},
	}

	// The staff operations, each on A1's order (its customer is customer_A), A2's and B1's.
	type step func(ctx context.Context, f *fx, id int) error
	capture := func(ctx context.Context, f *fx, id int) error {
		_, err := f.API.App.Orders.Capture(ctx, id)
		return err
	}
	fulfil := func(ctx context.Context, f *fx, id int) error {
		_, err := f.API.App.Orders.CreateFulfillment(ctx, id)
		return err
	}
	ship := func(ctx context.Context, f *fx, id int) error {
		_, err := f.API.App.Orders.MarkShipped(ctx, id)
		return err
	}
	ops := []struct {
		name, args string
		before     []step // what the order went through first (in the system context)
		check      Check
	}{
		{"capturePayment", "", nil, Eq("capturePayment.paymentStatus", "captured")},
		{"refundPayment", ", amount: 100", []step{capture},
			All(Eq("refundPayment.paymentStatus", "partially_refunded"), Eq("refundPayment.refundedTotal", 100))},
		{"cancelOrder", "", nil, All(Eq("cancelOrder.status", "canceled"), Eq("cancelOrder.paymentStatus", "canceled"))},
		{"createFulfillment", "", nil, Eq("createFulfillment.fulfillmentStatus", "fulfilled")},
		{"markShipped", "", []step{fulfil}, Eq("markShipped.fulfillmentStatus", "shipped")},
		{"markDelivered", "", []step{fulfil, ship}, Eq("markDelivered.fulfillmentStatus", "delivered")},
	}
	orders := []struct {
		name  string
		pick  func(f *fx) *ent.Order
		cells func(ok Outcome) Cells
	}{
		{"A1's order", func(f *fx) *ent.Order { return f.OrderA1 }, func(ok Outcome) Cells {
			return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: notFound, SK: notFound, AN: notFound, V: notFound, C: notFound}
		}},
		{"A2's order", func(f *fx) *ent.Order { return f.OrderA2 }, func(ok Outcome) Cells {
			return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: notFound, SK: notFound, AN: notFound}
		}},
		{"B1's order", func(f *fx) *ent.Order { return f.OrderB1 }, func(ok Outcome) Cells {
			return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: notFound}
		}},
	}
	for _, op := range ops {
		for _, o := range orders {
			var setup func(testing.TB, *fx)
			if len(op.before) > 0 {
				before, pick := op.before, o.pick
				setup = func(t testing.TB, f *fx) {
					t.Helper()
					for _, s := range before {
						if err := s(sysCtx(), f, pick(f).ID); err != nil {
							t.Fatalf("set up the order: %v", err)
						}
					}
				}
			}
			pick := o.pick
			cases = append(cases, Case{
				Name:   op.name + "/" + o.name,
				Op:     `mutation($id: ID!) { ` + op.name + `(orderId: $id` + op.args + `) { status paymentStatus fulfillmentStatus refundedTotal } }`,
				Vars:   vars(func(f *fx) map[string]any { return map[string]any{"id": gid(pick(f).ID)} }),
				Setup:  setup,
				Expect: o.cells(Allow(op.check)),
			})
		}
	}
	// Browsing A2's storefront opens no order of A2 to anyone who could not see it.
	cases = append(cases, Case{
		Name:    "cancelOrder/A2's order in A2's storefront",
		Op:      `mutation($id: ID!) { cancelOrder(orderId: $id) { status } }`,
		Vars:    vars(func(f *fx) map[string]any { return map[string]any{"id": gid(f.OrderA2.ID)} }),
		Headers: shoppingAt("a2.dakkah.test"),
		Expect: func() Cells {
			ok := Allow(Eq("cancelOrder.status", "canceled"))
			return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: notFound, SK: notFound, AN: notFound}
		}(),
	})
	return cases
}
