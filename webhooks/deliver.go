package webhooks

import (
	"context"
	"encoding/json"
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

// ErrEndpointBusy: this process has Config.PerEndpoint requests under way to the
// endpoint already. Nothing was attempted; the task is run again shortly, and the wait
// is not one of its retries (see the worker's asynq configuration).
var ErrEndpointBusy = errors.New("webhook delivery: the endpoint has as many requests under way as it may")

// Deliver makes queued attempt a (a retry, a replay, a ping, or a first attempt the
// fan-out left to the queue) and returns its row; nil when there is nothing to deliver
// to (the endpoint or event is gone, or the endpoint was disabled meanwhile).
//
// An attempt's row is written once, after its request: a worker killed during the
// request leaves no row, and asynq runs the task again, which makes the attempt again
// (receivers de-duplicate by webhook-id). A task run again after its row was written
// sends nothing.
func (s *Service) Deliver(ctx context.Context, a Attempt) (*ent.WebhookDelivery, error) {
	if s.HTTP == nil {
		return nil, ErrNoClient
	}
	// The slot first: an attempt that finds its endpoint busy costs no query.
	release, ok := s.slots().take(ctx, a.EndpointID, s.Config.perEndpoint())
	if !ok {
		return nil, ErrEndpointBusy
	}
	defer release()
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
	row, err := s.Client.OutboxEvent.Get(ctx, a.EventID)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if row.TenantID == nil || *row.TenantID != ep.TenantID {
		return nil, fmt.Errorf("%w (event %d, endpoint %d)", ErrWrongTenant, row.ID, ep.ID)
	}
	payload, err := json.Marshal(row.Payload)
	if err != nil {
		return nil, err
	}
	ev := outbox.Envelope(row, payload)
	made, err := s.made(ctx, ep.ID, ev.ID, a)
	if err != nil || made != nil {
		if err == nil && made.NextAttemptAt != nil {
			err = s.enqueue(ctx, a.next(), *made.NextAttemptAt) // in case a crash lost it
		}
		return made, err
	}
	return s.attempt(ctx, ep, ev, a, release)
}

// made is the row of attempt a of delivering event eventID to the endpoint, or nil when
// that attempt was not made yet.
func (s *Service) made(ctx context.Context, endpointID, eventID int, a Attempt) (*ent.WebhookDelivery, error) {
	row, err := s.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(endpointID),
		webhookdelivery.EventID(eventID), webhookdelivery.Run(a.Run), webhookdelivery.Attempt(a.Number)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return row, err
}

// attempt sends ev to ep and records the attempt with what follows from it: a retry on
// the schedule, or the end of the delivery (success, 410 Gone, or dead). release gives
// the endpoint's slot back as soon as the receiver answered: recording does not hold it.
func (s *Service) attempt(ctx context.Context, ep *ent.IntegrationEndpoint, ev outbox.Event, a Attempt, release func()) (*ent.WebhookDelivery, error) {
	at := s.now()
	r := s.send(ctx, ep, ev)
	release()
	if err := ctx.Err(); err != nil {
		// The worker is stopping (or lost the task's lease): the attempt was cut short by
		// the platform, not failed by the receiver. Nothing is recorded; the task runs
		// again and makes the attempt again.
		return nil, err
	}
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
		retry := s.retryAt(a.Number, s.now())
		// Queued before the row says so: a crash in between repeats this attempt, and
		// the repeat finds the next one queued already (same task id).
		if err := s.enqueue(ctx, a.next(), retry); err != nil {
			return nil, err
		}
		next = &retry
	}
	create := func(c *ent.WebhookDeliveryClient) *ent.WebhookDeliveryCreate {
		return c.Create().SetTenantID(ep.TenantID).SetNillableStoreID(ep.StoreID).SetEndpointID(ep.ID).
			SetEventID(ev.ID).SetWebhookID(outbox.PublicID(ev.ID)).SetEventType(ev.Topic).
			SetRun(a.Run).SetAttempt(a.Number).SetCreatedAt(at).SetStatus(status).SetNillableNextAttemptAt(next).
			SetNillableResponseCode(r.responseCode()).SetNillableLatencyMs(r.latencyMs()).SetNillableError(r.reason())
	}
	var (
		row *ent.WebhookDelivery
		err error
	)
	if after == nil { // most attempts: one row, written with others' (see recorder)
		row, err = s.recorder().write(ctx, s.Client, create(s.Client.WebhookDelivery))
	} else {
		row, err = txn.Write(ctx, s.Client, func(tx *ent.Tx) (*ent.WebhookDelivery, error) {
			row, err := create(tx.WebhookDelivery).Save(ctx)
			if err != nil {
				return nil, err
			}
			return row, after(tx)
		})
	}
	if ent.IsConstraintError(err) { // another worker made and recorded the same attempt just now
		return s.made(ctx, ep.ID, ev.ID, a)
	}
	if err == nil {
		s.count(status, next != nil)
	}
	return row, err
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
