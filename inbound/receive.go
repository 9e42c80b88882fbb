package inbound

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/viewer"
)

// Receipt is what became of a request that was recorded.
type Receipt struct {
	ID     int
	Status inboundwebhook.Status
}

// ErrUnknownEndpoint answers a request for an endpoint that does not exist or is
// disabled; the two look the same to the sender.
var ErrUnknownEndpoint = apperr.New(apperr.NotFound, "no such endpoint")

// Receive verifies a webhook sent to endpoint endpointID, records it and queues it to be
// applied. Errors: NOT_FOUND (unknown or disabled endpoint), UNAUTHENTICATED (signature
// or timestamp), CONFLICT (a webhook-id already received), BAD_USER_INPUT (a body that
// is not a supported change, naming the field). Every outcome but the first is recorded.
func (s *Service) Receive(ctx context.Context, endpointID int, h http.Header, body []byte) (Receipt, error) {
	sys := viewer.SystemContext(ctx, "inbound-webhooks")
	ep, err := s.client.IntegrationEndpoint.Get(sys, endpointID)
	if ent.IsNotFound(err) || (err == nil && !ep.Enabled) {
		return Receipt{}, ErrUnknownEndpoint
	}
	if err != nil {
		return Receipt{}, err
	}
	now := s.Now()
	secrets := []string{ep.Secret}
	if ep.PreviousSecret != nil && ep.PreviousSecretExpiresAt != nil && ep.PreviousSecretExpiresAt.After(now) {
		secrets = append(secrets, *ep.PreviousSecret)
	}
	rec := s.record(ep)
	id, err := stdwebhook.Verify(h, body, now, secrets...)
	if err != nil {
		s.reject(sys, rec.SetWebhookID(clip(h.Get(stdwebhook.HeaderID), 255)), inboundwebhook.SourceEndpoint, &ep.ID, err.Error())
		return Receipt{}, apperr.New(apperr.Unauthenticated, "%s", err.Error())
	}
	rec.SetWebhookID(clip(id, 255))
	msg, err := parse(body)
	if msg.Type != "" {
		rec.SetType(clip(msg.Type, 255))
	}
	key := strconv.Itoa(ep.ID) + ":" + id
	if err != nil {
		// Signed by the endpoint, so recorded with its body, as failed: the sender
		// learns the field at once, and the id counts as used.
		if msg.raw != nil {
			rec.SetPayload(msg.raw)
		}
		row, cerr := rec.SetStatus(inboundwebhook.StatusFailed).SetReason(reason(err)).SetDedupeKey(key).Save(sys)
		if ent.IsConstraintError(cerr) {
			return s.replayed(sys, ep.ID, key)
		}
		if cerr != nil {
			return Receipt{}, cerr
		}
		return Receipt{ID: row.ID, Status: row.Status}, err
	}
	row, err := rec.SetStatus(inboundwebhook.StatusAccepted).SetDedupeKey(key).SetPayload(msg.raw).Save(sys)
	if ent.IsConstraintError(err) {
		return s.replayed(sys, ep.ID, key)
	}
	if err != nil {
		return Receipt{}, err
	}
	return Receipt{ID: row.ID, Status: row.Status}, s.enqueue(ctx, row.ID)
}

// replayed answers a webhook-id the endpoint already sent. One still waiting to be
// applied is queued again and accepted, so a sender retrying after a failed answer
// (our crash before queueing) gets it applied; any other is rejected, and recorded so.
func (s *Service) replayed(sys context.Context, endpointID int, key string) (Receipt, error) {
	prev, err := s.client.InboundWebhook.Query().Where(inboundwebhook.DedupeKey(key)).Only(sys)
	if err != nil {
		return Receipt{}, err
	}
	if prev.Status == inboundwebhook.StatusAccepted {
		return Receipt{ID: prev.ID, Status: prev.Status}, s.enqueue(sys, prev.ID)
	}
	ep, err := s.client.IntegrationEndpoint.Get(sys, endpointID)
	if err != nil {
		return Receipt{}, err
	}
	reason := fmt.Sprintf("replayed webhook-id: already received (%s)", prev.Status)
	s.reject(sys, s.record(ep).SetWebhookID(prev.WebhookID).SetType(prev.Type), inboundwebhook.SourceEndpoint, &endpointID, reason)
	return Receipt{}, apperr.New(apperr.Conflict, "%s", reason)
}

// record starts the record of a request to ep.
func (s *Service) record(ep *ent.IntegrationEndpoint) *ent.InboundWebhookCreate {
	return s.client.InboundWebhook.Create().SetSource(inboundwebhook.SourceEndpoint).SetTenantID(ep.TenantID).
		SetNillableStoreID(ep.StoreID).SetEndpointID(ep.ID).SetReceivedAt(s.Now())
}

// reject records a rejected request, unless its endpoint (or provider) already had
// RejectedPerMinute of them in the last minute. The unverified body is never kept.
func (s *Service) reject(sys context.Context, c *ent.InboundWebhookCreate, source inboundwebhook.Source, endpointID *int, why string) {
	q := s.client.InboundWebhook.Query().Where(inboundwebhook.StatusEQ(inboundwebhook.StatusRejected),
		inboundwebhook.ReceivedAtGT(s.Now().Add(-time.Minute)))
	if endpointID != nil {
		q.Where(inboundwebhook.EndpointID(*endpointID))
	} else {
		q.Where(inboundwebhook.SourceEQ(source), inboundwebhook.EndpointIDIsNil())
	}
	if n, err := q.Count(sys); err != nil || n >= RejectedPerMinute {
		return
	}
	_ = c.SetStatus(inboundwebhook.StatusRejected).SetReason(clip(why, 1000)).Exec(sys)
}

func (s *Service) enqueue(ctx context.Context, id int) error {
	opts := []asynq.Option{asynq.TaskID(TaskID(id)), asynq.MaxRetry(10)}
	if s.QueueName != "" {
		opts = append(opts, asynq.Queue(s.QueueName))
	}
	_, err := s.queue.EnqueueContext(ctx, asynq.NewTask(TaskApply, []byte(strconv.Itoa(id))), opts...)
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		return nil // queued already
	}
	return err
}

// TaskID is the asynq task id of webhook id.
func TaskID(id int) string { return "inbound-" + strconv.Itoa(id) }

// TaskWebhook is the webhook a TaskApply task applies.
func TaskWebhook(payload []byte) (int, error) { return strconv.Atoi(string(payload)) }

// reason is the recorded reason of err: "field: message" for input errors.
func reason(err error) string {
	if e, ok := apperr.As(err); ok && e.Field != "" {
		return clip(e.Field+": "+e.Message, 1000)
	}
	return clip(err.Error(), 1000)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
