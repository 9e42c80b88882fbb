package workers

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/outbox"
)

// The vendor order events the ledger reverses on. Their payload is the vendor order's row
// (with, for a refund, "refund_amount"); the ledger reads the row as it is now instead
// (commissions.RecordReversals), so the payload only names the vendor order.
const (
	topicVendorOrderRefunded = "vendor_order.refunded"
	topicVendorOrderCanceled = "vendor_order.canceled"
)

// recordCommissions is the consumer that keeps the marketplace ledger: sale lines on
// order.placed, their capture on order.payment_captured, reversals on a vendor order's
// refund or cancel. Each step is idempotent (see package commissions): a redelivered
// event writes nothing more.
func (d Deps) recordCommissions(ctx context.Context, ev outbox.Event) error {
	if d.Commissions == nil {
		return nil
	}
	var err error
	switch ev.Topic {
	case outbox.OrderPlaced:
		_, err = d.Commissions.RecordSales(ctx, outbox.PublicID(ev.ID), ev.AggregateID)
	case outbox.OrderPaymentCaptured:
		_, err = d.Commissions.MarkCaptured(ctx, ev.AggregateID)
	case topicVendorOrderRefunded, topicVendorOrderCanceled:
		id := ev.AggregateID
		if id == 0 {
			var row struct {
				ID int `json:"id"`
			}
			_ = json.Unmarshal(ev.Payload, &row)
			id = row.ID
		}
		_, err = d.Commissions.RecordReversals(ctx, outbox.PublicID(ev.ID), id)
	}
	return err
}

// TaskPayouts is the periodic payout run.
const TaskPayouts = "payouts:run"

// DefaultPayoutInterval is how often payouts run when no interval is configured.
const DefaultPayoutInterval = 24 * time.Hour

func (d Deps) payoutInterval() time.Duration {
	if d.PayoutInterval > 0 {
		return d.PayoutInterval
	}
	return DefaultPayoutInterval
}

// runPayouts is one payout run, named by its interval's start: a task retried within the
// interval makes no second payout (run_key), and runs of two intervals at once still pay
// each line once (lines are claimed conditionally; see package payouts).
func (d Deps) runPayouts(ctx context.Context, _ *asynq.Task) error {
	if d.Payouts == nil {
		return nil
	}
	every := d.payoutInterval()
	key := time.Now().UTC().Truncate(every).Format(time.RFC3339)
	rep, err := d.Payouts.Run(ctx, key)
	d.logger().Info("payout run", "run", key, "created", rep.Created, "paid", rep.Paid, "failed", rep.Failed,
		"pending", rep.Pending, "carried", rep.Carried)
	if err != nil {
		return fmt.Errorf("payout run %s: %w", key, err)
	}
	return nil
}
