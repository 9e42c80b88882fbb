package orders_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/testenv"
)

// TestOrderChangesAreAudited: placing an order and every staff transition write their
// rows, in the order's store, with what changed.
func TestOrderChangesAreAudited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		o := place(t, c, ct.Cart{Items: []ct.Item{ct.Of("thobe", 2)}})
		oid := strconv.Itoa(o.ID)

		// records lists the rows of one entity, oldest first.
		records := func(entityType string, id int) []*ent.AuditLog {
			t.Helper()
			q := db.Client.AuditLog.Query().Where(auditlog.EntityType(entityType), auditlog.EntityID(id))
			rows, err := q.Order(ent.Asc(auditlog.FieldID)).All(ct.Sys())
			require.NoError(t, err)
			return rows
		}
		change := func(r *ent.AuditLog, field string) map[string]any {
			t.Helper()
			ch, ok := r.Diff[field].(map[string]any)
			require.True(t, ok, "%s %s: no %s in %v", r.EntityType, r.Action, field, r.Diff)
			return ch
		}

		// Checkout: the order's creation, authorised (the manual provider decides at
		// once), and its line.
		rows := records("Order", o.ID)
		require.Len(t, rows, 1, "created authorised, with its number")
		assert.Equal(t, "create", rows[0].Action)
		assert.Equal(t, "system:checkout", rows[0].Actor)
		assert.EqualValues(t, o.Total, change(rows[0], "total")["after"])
		require.NotNil(t, rows[0].StoreID)
		assert.Equal(t, c.StoreA1.ID, *rows[0].StoreID, "in the store's log: its managers read it")
		assert.Equal(t, map[string]any{"after": "authorized"}, change(rows[0], "payment_status"))
		items, err := o.QueryItems().All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, items, 1)
		require.Len(t, records("OrderLineItem", items[0].ID), 1)

		// Each transition: one row of the order, by the staff member, under the request.
		manager, admin := testenv.ManagerA1, testenv.TenantAdminA
		step := func(principal, rid, mutation, extra string) *ent.AuditLog {
			t.Helper()
			q := fmt.Sprintf(`mutation($id: ID!) { %s(orderId: $id%s) { id } }`, mutation, extra)
			hh := testenv.Headers{"X-Request-Id": rid}
			for k, v := range c.As(principal) {
				hh[k] = v
			}
			c.API.MustDo(t, hh, q, map[string]any{"id": oid})
			rs, err := db.Client.AuditLog.Query().Where(auditlog.RequestID(rid), auditlog.EntityType("Order")).All(ct.Sys())
			require.NoError(t, err)
			require.Len(t, rs, 1, rid)
			assert.Equal(t, "update", rs[0].Action)
			assert.Equal(t, "user:"+strconv.Itoa(c.Users[principal].ID), rs[0].Actor)
			return rs[0]
		}
		r := step(manager, "req-fulfil", "createFulfillment", "")
		assert.Equal(t, map[string]any{"before": "not_fulfilled", "after": "fulfilled"}, change(r, "fulfillment_status"))
		fs, err := o.QueryFulfillments().All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, fs, 1)
		created := records("Fulfillment", fs[0].ID)
		require.Len(t, created, 1)
		assert.Equal(t, "req-fulfil", *created[0].RequestID, "the fulfilment, in the same request")

		r = step(manager, "req-ship", "markShipped", "")
		assert.Equal(t, map[string]any{"before": "fulfilled", "after": "shipped"}, change(r, "fulfillment_status"))
		stock, err := db.Client.AuditLog.Query().Where(auditlog.RequestID("req-ship"), auditlog.EntityType("InventoryLevel")).Only(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, map[string]any{"before": float64(10), "after": float64(8)}, change(stock, "stocked_quantity"), "the shipped units left the stock")
		assert.NotContains(t, stock.Diff, "reserved_quantity", "held units are bookkeeping")
		shipped, err := db.Client.AuditLog.Query().Where(auditlog.RequestID("req-ship"), auditlog.EntityType("Fulfillment")).Only(ct.Sys())
		require.NoError(t, err)
		assert.Contains(t, shipped.Diff, "shipped_at")

		r = step(manager, "req-capture", "capturePayment", "")
		assert.Equal(t, map[string]any{"before": "authorized", "after": "captured"}, change(r, "payment_status"))
		r = step(admin, "req-refund", "refundPayment", amount(1000))
		assert.Equal(t, map[string]any{"before": float64(0), "after": float64(1000)}, change(r, "refunded_total"))
		assert.Equal(t, map[string]any{"before": "captured", "after": "partially_refunded"}, change(r, "payment_status"))

		// The processor's report (a webhook, no request): the system's row, request id null.
		placed, err := db.Client.Order.Get(ct.Sys(), o.ID)
		require.NoError(t, err)
		require.NoError(t, c.API.App.Orders.PaymentRefunded(context.Background(), placed.PaymentProvider, placed.PaymentReference, 3000))
		rows = records("Order", o.ID)
		last := rows[len(rows)-1]
		assert.Equal(t, "system:orders", last.Actor)
		assert.Nil(t, last.RequestID)
		assert.Equal(t, map[string]any{"before": float64(1000), "after": float64(3000)}, change(last, "refunded_total"))

		// A cancellation: status, payment and when; the released units write no row.
		o2 := place(t, c, ct.Cart{Items: []ct.Item{ct.Of("thobe", 1)}})
		oid = strconv.Itoa(o2.ID)
		r = step(admin, "req-cancel", "cancelOrder", "")
		assert.Equal(t, map[string]any{"before": "pending", "after": "canceled"}, change(r, "status"))
		assert.Equal(t, map[string]any{"before": "authorized", "after": "canceled"}, change(r, "payment_status"))
		assert.Nil(t, change(r, "canceled_at")["before"])
		n, err := db.Client.AuditLog.Query().Where(auditlog.RequestID("req-cancel")).Count(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n, "releasing held units is not a change of stock")

		// A refused transition writes nothing.
		hh := testenv.Headers{"X-Request-Id": "req-refused"}
		for k, v := range c.As(admin) {
			hh[k] = v
		}
		resp := c.API.Do(t, hh, `mutation($id: ID!) { capturePayment(orderId: $id) { id } }`, map[string]any{"id": oid})
		require.Equal(t, "CONFLICT", resp.Code())
		n, err = db.Client.AuditLog.Query().Where(auditlog.RequestID("req-refused")).Count(ct.Sys())
		require.NoError(t, err)
		assert.Zero(t, n)
	})
}
