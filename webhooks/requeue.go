package webhooks

import (
	"context"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/viewer"
)

// LostRetryAfter is how long past its nextAttemptAt a retry must be, with no row of its
// own, before it counts as lost: the queue moves a due retry within a second or two, and
// a busy endpoint's wait is a few seconds more.
const LostRetryAfter = 10 * time.Minute

// lostRetryLookback bounds the failed attempts looked at: a delivery's retries span
// about a day (see DefaultConfig), so a retry due before that is long settled.
const lostRetryLookback = 48 * time.Hour

// RequeueLostRetries queues again every retry that was due more than LostRetryAfter ago
// and was never made: a failed attempt whose next attempt has no row. Its task was lost
// (Redis lost its data) or is still waiting; queued under its own task id, one still
// waiting stays as it is and counts for nothing. It returns the failed attempts whose
// retry it queued.
func (s *Service) RequeueLostRetries(ctx context.Context) ([]*ent.WebhookDelivery, error) {
	ctx = viewer.SystemContext(ctx, "webhook-requeue")
	now := s.now()
	failed, err := s.Client.WebhookDelivery.Query().Where(webhookdelivery.StatusEQ(webhookdelivery.StatusFailed),
		webhookdelivery.NextAttemptAtLT(now.Add(-LostRetryAfter)), webhookdelivery.NextAttemptAtGT(now.Add(-lostRetryLookback)),
		withoutNextAttempt).Order(webhookdelivery.ByID()).All(ctx)
	if err != nil {
		return nil, err
	}
	var requeued []*ent.WebhookDelivery
	for _, row := range failed {
		a := Attempt{EventID: row.EventID, EndpointID: row.EndpointID, Number: row.Attempt + 1, Run: row.Run}
		queued, err := s.enqueueNew(ctx, a)
		if err != nil {
			return requeued, err
		}
		if queued {
			requeued = append(requeued, row)
		}
	}
	return requeued, nil
}

// withoutNextAttempt keeps the attempts that have no row for the attempt after them.
func withoutNextAttempt(s *sql.Selector) {
	next := sql.Table(webhookdelivery.Table).As("next_attempt")
	s.Where(sql.Not(sql.Exists(sql.Select(next.C(webhookdelivery.FieldID)).From(next).Where(sql.And(
		sql.ColumnsEQ(next.C(webhookdelivery.FieldEventID), s.C(webhookdelivery.FieldEventID)),
		sql.ColumnsEQ(next.C(webhookdelivery.FieldEndpointID), s.C(webhookdelivery.FieldEndpointID)),
		sql.ColumnsEQ(next.C(webhookdelivery.FieldRun), s.C(webhookdelivery.FieldRun)),
		sql.P(func(b *sql.Builder) {
			b.Ident(next.C(webhookdelivery.FieldAttempt)).WriteString(" = ").Ident(s.C(webhookdelivery.FieldAttempt)).WriteString(" + 1")
		}),
	)))))
}
