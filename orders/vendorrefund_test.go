package orders_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// partEvents lists the topics of a vendor order's events, in order.
func partEvents(t *testing.T, db *testenv.DB, id int) []string {
	t.Helper()
	evs, err := db.Client.OutboxEvent.Query().Where(outboxevent.AggregateType("vendor_order"), outboxevent.AggregateID(id)).
		Order(outboxevent.ByID()).All(ct.Sys())
	require.NoError(t, err)
	topics := make([]string, len(evs))
	for i, ev := range evs {
		topics[i] = ev.Topic
	}
	return topics
}

// vendorAdmin is the context of an admin of vendor v, for calling the service directly.
func vendorAdmin(m *testenv.Marketplace, v *ent.Vendor) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.User, UserID: 1 << 30,
		Grants: []viewer.Grant{{Role: viewer.RoleVendorAdmin, TenantID: v.TenantID, VendorID: v.ID}}})
}

// A refund or cancel of one vendor's part moves that vendor's money and stock only.
func TestRefundAndCancelOneVendor(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := testenv.NewMarketplace(t, db)
		rec := &recorder{}
		svc := orders.New(db.Client, payment.NewRegistry(rec))
		ctx := staff(m.Commerce)
		o := place(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("lamp", 1), ct.Of("rug", 1), ct.Of("spice", 2)}})
		_, err := svc.Capture(ctx, o.ID)
		require.NoError(t, err)
		v1, v2, v3 := partOf(t, db, o, m.V1), partOf(t, db, o, m.V2), partOf(t, db, o, m.V3)

		_, err = svc.RefundSuborder(vendorAdmin(m, m.V2), v2.ID, 100)
		assert.Equal(t, apperr.Forbidden, apperr.CodeOf(err), "a vendor gives no money back")
		_, err = svc.RefundSuborder(ctx, v2.ID, v2.Total+1)
		assert.Equal(t, apperr.BadUserInput, apperr.CodeOf(err), "no more than the vendor order")

		got, err := svc.RefundSuborder(ctx, v2.ID, 1000)
		require.NoError(t, err)
		assert.Equal(t, int64(1000), got.RefundedTotal)
		after := db.Client.Order.GetX(ct.Sys(), o.ID)
		assert.Equal(t, int64(1000), after.RefundedTotal)
		assert.Equal(t, "partially_refunded", after.PaymentStatus.String())
		assert.Zero(t, db.Client.Suborder.GetX(ct.Sys(), v1.ID).RefundedTotal, "V1 untouched")
		assert.Zero(t, db.Client.Suborder.GetX(ct.Sys(), v3.ID).RefundedTotal, "V3 untouched")

		// V3's own admin cancels its unshipped part: its stock back, the rest of it refunded.
		require.Equal(t, 2, ct.Stock(t, m.Commerce, "spice").ReservedQuantity)
		got, err = svc.CancelSuborder(vendorAdmin(m, m.V3), v3.ID)
		require.NoError(t, err)
		assert.Equal(t, "canceled", got.Status.String())
		assert.Equal(t, v3.Total, got.RefundedTotal)
		assert.Zero(t, ct.Stock(t, m.Commerce, "spice").ReservedQuantity)
		assert.Equal(t, 1, ct.Stock(t, m.Commerce, "lamp").ReservedQuantity, "V1's stock still held")
		after = db.Client.Order.GetX(ct.Sys(), o.ID)
		assert.Equal(t, 1000+v3.Total, after.RefundedTotal)
		assert.Equal(t, "pending", after.Status.String(), "the order goes on with its other parts")
		ref := after.PaymentReference
		assert.Equal(t, []string{"capture " + ref + " " + itoa(o.Total), "refund " + ref + " 1000", "refund " + ref + " " + itoa(v3.Total)}, rec.Calls())
		assert.Equal(t, []string{"vendor_order.created", "vendor_order.refunded"}, partEvents(t, db, v2.ID))
		assert.Equal(t, []string{"vendor_order.created", "vendor_order.canceled"}, partEvents(t, db, v3.ID))

		// Left of V2: its total less 1000; the order's remaining bound holds too.
		_, err = svc.RefundSuborder(ctx, v2.ID, v2.Total-1000)
		require.NoError(t, err)
		_, err = svc.RefundSuborder(ctx, v2.ID, 1)
		assert.Equal(t, apperr.BadUserInput, apperr.CodeOf(err))
		_, err = svc.FulfillSuborder(ctx, v3.ID)
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(err), "a canceled vendor order is not fulfilled")
	})
}

// A vendor order canceled before capture is not taken: capture takes the rest.
func TestCancelBeforeCaptureTakesLess(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := testenv.NewMarketplace(t, db)
		rec := &recorder{}
		svc := orders.New(db.Client, payment.NewRegistry(rec))
		o := place(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("thobe", 1), ct.Of("lamp", 1)}})
		v1 := partOf(t, db, o, m.V1)
		_, err := svc.CancelSuborder(vendorAdmin(m, m.V2), v1.ID)
		assert.Equal(t, apperr.NotFound, apperr.CodeOf(err), "another vendor's")
		_, err = svc.CancelSuborder(vendorAdmin(m, m.V1), v1.ID)
		require.NoError(t, err)
		captured, err := svc.Capture(staff(m.Commerce), o.ID)
		require.NoError(t, err)
		assert.Equal(t, []string{"capture " + captured.PaymentReference + " " + itoa(o.Total-v1.Total)}, rec.Calls())
	})
}
