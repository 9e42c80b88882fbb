package orders_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// An order whose every part is canceled is canceled with its last part, as cancelOrder
// cancels it: one order.canceled, and what its payment has left settled in one call.
func TestLastPartCanceledCancelsOrder(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := testenv.NewMarketplace(t, db)
		rec := &recorder{}
		svc := orders.New(db.Client, payment.NewRegistry(rec))
		ctx := staff(m.Commerce)
		otherTenant := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.User, UserID: 1 << 29,
			Grants: []viewer.Grant{{Role: viewer.RoleTenantAdmin, TenantID: m.TenantB.ID}}})

		// Captured, two vendors and no lines of the tenant's.
		o := place(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("lamp", 1), ct.Of("rug", 1)}})
		_, err := svc.Capture(ctx, o.ID)
		require.NoError(t, err)
		v1, v2 := partOf(t, db, o, m.V1), partOf(t, db, o, m.V2)
		_, err = svc.CancelSuborder(vendorAdmin(m, m.V1), v1.ID)
		require.NoError(t, err)
		after := db.Client.Order.GetX(ct.Sys(), o.ID)
		assert.Equal(t, "pending", after.Status.String(), "one part left")
		assert.Nil(t, after.CanceledAt)

		for _, other := range []context.Context{vendorAdmin(m, m.V1), otherTenant} {
			_, err = svc.CancelSuborder(other, v2.ID)
			assert.Equal(t, apperr.NotFound, apperr.CodeOf(err), "another vendor's or tenant's part")
		}
		assert.Equal(t, "pending", db.Client.Order.GetX(ct.Sys(), o.ID).Status.String())

		_, err = svc.CancelSuborder(vendorAdmin(m, m.V2), v2.ID)
		require.NoError(t, err)
		after = db.Client.Order.GetX(ct.Sys(), o.ID)
		assert.Equal(t, "canceled", after.Status.String(), "no part left")
		assert.NotNil(t, after.CanceledAt)
		assert.Equal(t, "refunded", after.PaymentStatus.String())
		assert.Equal(t, o.Total, after.RefundedTotal)
		ref := o.PaymentReference
		// The last refund is V2's part and what the marketplace kept (its shipping).
		assert.Equal(t, []string{"capture " + ref + " " + itoa(o.Total), "refund " + ref + " " + itoa(v1.Total),
			"refund " + ref + " " + itoa(o.Total-v1.Total)}, rec.Calls())
		assert.Equal(t, []string{"order.placed", "order.payment_captured", "order.payment_refunded", "order.canceled"},
			orderEvents(t, db, o.ID))
		assert.Equal(t, []string{"vendor_order.created", "vendor_order.canceled"}, partEvents(t, db, v2.ID))
		assert.Zero(t, ct.Stock(t, m.Commerce, "rug").ReservedQuantity)
		_, err = svc.Refund(ctx, o.ID, 1)
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(err), "settled")

		// Authorised: the last part's cancel voids the authorisation.
		cancelParts := func(o *ent.Order, vendors ...*ent.Vendor) {
			for _, v := range vendors {
				_, err := svc.CancelSuborder(ctx, partOf(t, db, o, v).ID)
				require.NoError(t, err)
			}
		}
		unpaid := place(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("lamp", 1), ct.Of("spice", 1)}})
		cancelParts(unpaid, m.V1, m.V3)
		after = db.Client.Order.GetX(ct.Sys(), unpaid.ID)
		assert.Equal(t, "canceled", after.Status.String())
		assert.Equal(t, "canceled", after.PaymentStatus.String())
		assert.Equal(t, "void "+unpaid.PaymentReference, rec.Calls()[len(rec.Calls())-1])
		assert.Equal(t, []string{"order.placed", "order.payment_refunded", "order.canceled"}, orderEvents(t, db, unpaid.ID))

		// The tenant's own lines are a part too: the order goes on without its vendors.
		mixed := place(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("thobe", 1), ct.Of("lamp", 1), ct.Of("rug", 1)}})
		cancelParts(mixed, m.V1, m.V2)
		after = db.Client.Order.GetX(ct.Sys(), mixed.ID)
		assert.Equal(t, "pending", after.Status.String())
		assert.Equal(t, "authorized", after.PaymentStatus.String())
		assert.Nil(t, after.CanceledAt)
	})
}
