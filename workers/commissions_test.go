package workers_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/commissions/commissionstest"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// The ledger's consumer: order.placed writes the sales (once, however often it comes),
// order.payment_captured counts them, vendor_order.canceled (named by its payload's id
// when the event names no aggregate) reverses them.
func TestCommissionsConsumer(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := commissionstest.New(t, db)
		m.Rule(t, "tenant", 0, 1000, 0)
		d := workers.Deps{Client: db.Client, Commissions: commissions.New(db.Client)}
		p := m.Order(t, "SAR", order.PaymentStatusAuthorized, commissionstest.Line{Variant: m.Var1, Total: 5000})
		ctx := context.Background()
		placed := outbox.Event{ID: 11, Topic: outbox.OrderPlaced, AggregateType: "order", AggregateID: p.Order.ID}
		require.NoError(t, workers.RecordCommissions(d, ctx, placed))
		require.NoError(t, workers.RecordCommissions(d, ctx, placed))
		sales, err := db.Client.CommissionLine.Query().Where(commissionline.OrderID(p.Order.ID)).All(m.Sys)
		require.NoError(t, err)
		require.Len(t, sales, 1)
		assert.Equal(t, int64(500), sales[0].Commission)
		assert.Nil(t, sales[0].CapturedAt)

		captured := outbox.Event{ID: 12, Topic: outbox.OrderPaymentCaptured, AggregateType: "order", AggregateID: p.Order.ID}
		require.NoError(t, workers.RecordCommissions(d, ctx, captured))
		so := p.Suborders[m.V1.ID]
		m.Cancel(t, so)
		payload, _ := json.Marshal(map[string]any{"id": so.ID})
		canceled := outbox.Event{ID: 13, Topic: "vendor_order.canceled", Payload: payload}
		require.NoError(t, workers.RecordCommissions(d, ctx, canceled))
		lines, err := db.Client.CommissionLine.Query().Where(commissionline.OrderID(p.Order.ID)).All(m.Sys)
		require.NoError(t, err)
		require.Len(t, lines, 2)
		for _, l := range lines {
			assert.NotNil(t, l.CapturedAt)
			assert.Equal(t, int64(5000), l.Amount)
			assert.Equal(t, int64(500), l.Commission)
		}
	})
}
