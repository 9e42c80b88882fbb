package webhooks

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// ErrNoClient: the service has no HTTP client. It is the platform's fault, not the
// receiver's: no attempt is recorded, so no endpoint is disabled for it.
var ErrNoClient = errors.New("webhook delivery: no HTTP client is configured")

// ErrWrongTenant refuses an attempt to deliver an event to another tenant's endpoint.
var ErrWrongTenant = errors.New("webhook delivery: the event is not of the endpoint's tenant")

// Deliver makes attempt a and returns its row; nil when there is nothing to deliver to
// (the endpoint or event is gone, or the endpoint was disabled meanwhile).
//
// The row is written pending before the request and finished after it: a worker killed
// in between leaves the row pending, and asynq runs the task again, which finds the row
// and makes the attempt again (receivers de-duplicate by webhook-id). A task run again
// after its attempt finished sends nothing.
func (s *Service) Deliver(ctx context.Context, a Attempt) (*ent.WebhookDelivery, error) {
	if s.HTTP == nil {
		return nil, ErrNoClient
	}
	ctx = viewer.SystemContext(ctx, "webhook-delivery")
	ep, err := s.Client.IntegrationEndpoint.Get(ctx, a.EndpointID)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !ep.Enabled && !a.Once {
		s.logger().Info("webhook not delivered: the endpoint is disabled", "endpoint", ep.ID, "event", a.EventID)
		return nil, nil
	}
	ev, err := s.Client.OutboxEvent.Get(ctx, a.EventID)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if ev.TenantID == nil || *ev.TenantID != ep.TenantID {
		return nil, fmt.Errorf("%w (event %d, endpoint %d)", ErrWrongTenant, ev.ID, ep.ID)
	}
	row, err := s.claim(ctx, ep, ev, a)
	if err != nil || row.Status != webhookdelivery.StatusPending {
		if err == nil && row.NextAttemptAt != nil {
			err = s.enqueue(ctx, a.next(), *row.NextAttemptAt) // in case a crash lost it
		}
		return row, err
	}
	return s.record(ctx, ep, row, a, s.send(ctx, ep, ev))
}

// claim returns the row of attempt a, written pending if it is not there yet.
func (s *Service) claim(ctx context.Context, ep *ent.IntegrationEndpoint, ev *ent.OutboxEvent, a Attempt) (*ent.WebhookDelivery, error) {
	find := func() (*ent.WebhookDelivery, error) {
		return s.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(ep.ID), webhookdelivery.EventID(ev.ID),
			webhookdelivery.Run(a.Run), webhookdelivery.Attempt(a.Number)).Only(ctx)
	}
	row, err := find()
	if !ent.IsNotFound(err) {
		return row, err
	}
	row, err = s.Client.WebhookDelivery.Create().SetTenantID(ep.TenantID).SetNillableStoreID(ep.StoreID).
		SetEndpointID(ep.ID).SetEventID(ev.ID).SetWebhookID(outbox.PublicID(ev.ID)).SetEventType(ev.Topic).
		SetRun(a.Run).SetAttempt(a.Number).Save(ctx)
	if ent.IsConstraintError(err) { // another worker made the same attempt's row just now
		return find()
	}
	return row, err
}

// record finishes attempt a's row with the result r, and decides what follows: a retry
// on the schedule, or the end of the delivery (success, 410 Gone, or dead).
func (s *Service) record(ctx context.Context, ep *ent.IntegrationEndpoint, row *ent.WebhookDelivery, a Attempt, r result) (*ent.WebhookDelivery, error) {
	var (
		status = webhookdelivery.StatusFailed
		next   *time.Time
		after  func(tx *ent.Tx) error
	)
	switch {
	case r.ok():
		status = webhookdelivery.StatusSucceeded
		if ep.DeadStreak > 0 {
			after = func(tx *ent.Tx) error { return tx.IntegrationEndpoint.UpdateOneID(ep.ID).SetDeadStreak(0).Exec(ctx) }
		}
	case r.code == 410: // the receiver says the endpoint is gone for good
		status = webhookdelivery.StatusDead
		after = func(tx *ent.Tx) error { return disable(ctx, tx, ep, "the endpoint answered 410 Gone") }
	case a.Once: // a ping: failed, and that is all
	case a.Number >= s.Config.attempts():
		status = webhookdelivery.StatusDead
		after = func(tx *ent.Tx) error { return s.countDead(ctx, tx, ep) }
	default:
		at := s.retryAt(a.Number, s.now())
		// Queued before the row says so: a crash in between repeats this attempt, and
		// the repeat finds the next one queued already (same task id).
		if err := s.enqueue(ctx, a.next(), at); err != nil {
			return nil, err
		}
		next = &at
	}
	var code, latency *int
	if r.code != 0 {
		code = &r.code
	}
	if ms := int(r.latency / time.Millisecond); r.latency > 0 {
		latency = &ms
	}
	var reason *string
	if r.err != "" {
		reason = &r.err
	}
	done, err := txn.Write(ctx, s.Client, func(tx *ent.Tx) (*ent.WebhookDelivery, error) {
		done, err := tx.WebhookDelivery.UpdateOne(row).SetStatus(status).SetNillableNextAttemptAt(next).
			SetNillableResponseCode(code).SetNillableLatencyMs(latency).SetNillableError(reason).Save(ctx)
		if err != nil || after == nil {
			return done, err
		}
		return done, after(tx)
	})
	if err == nil {
		s.count(status, next != nil)
	}
	return done, err
}

// count adds a recorded attempt to the pipeline's metrics.
func (s *Service) count(status webhookdelivery.Status, retried bool) {
	s.Metrics.Delivery(string(status))
	if retried {
		s.Metrics.Retry()
	}
	if status == webhookdelivery.StatusDead {
		s.Metrics.Dead()
	}
}
