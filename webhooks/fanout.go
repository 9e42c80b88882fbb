package webhooks

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/integration"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/viewer"
)

// FanOut makes the first attempt of delivering ev to every endpoint that hears it (see
// integration.Hears), all at once, and records each. An endpoint with
// Config.PerEndpoint requests under way already, still so after a short wait, gets its
// attempt queued instead, so a slow receiver holds up neither this event's other
// endpoints nor the worker for long.
//
// It is idempotent by event: when the event may have been handled before (see
// outbox.FirstRun), an endpoint whose first attempt is recorded is skipped, and a queued
// one keeps its task id ("wh-<event>-<endpoint>"); an attempt recorded twice keeps its
// first row. A worker killed during the requests leaves them unrecorded; the event's
// task runs again and makes them again (receivers de-duplicate by webhook-id).
func (s *Service) FanOut(ctx context.Context, ev outbox.Event) error {
	if ev.TenantID == nil || ev.Topic == PingType {
		return nil
	}
	ctx = viewer.SystemContext(ctx, "webhook-fan-out")
	endpoints, err := integration.Subscribers(ctx, s.Client, ev)
	if err != nil || len(endpoints) == 0 {
		return wrapFanOut(ev, err)
	}
	if s.HTTP == nil {
		return ErrNoClient
	}
	var made []int // the endpoints an earlier run made the attempt to already
	if !outbox.FirstRun(ctx, ev) {
		made, err = s.Client.WebhookDelivery.Query().Where(webhookdelivery.EventID(ev.ID),
			webhookdelivery.Run(""), webhookdelivery.Attempt(1)).Select(webhookdelivery.FieldEndpointID).Ints(ctx)
		if err != nil {
			return wrapFanOut(ev, err)
		}
	}
	var (
		wg   sync.WaitGroup
		errs = make([]error, len(endpoints))
	)
	for i, ep := range endpoints {
		if slices.Contains(made, ep.ID) {
			continue
		}
		wg.Go(func() {
			a := Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 1}
			release, ok := s.slots().take(ctx, ep.ID, s.Config.perEndpoint())
			if !ok {
				errs[i] = s.enqueue(ctx, a, time.Time{})
				return
			}
			defer release()
			_, errs[i] = s.attempt(ctx, ep, ev, a, release)
		})
	}
	wg.Wait()
	return wrapFanOut(ev, errors.Join(errs...))
}

func wrapFanOut(ev outbox.Event, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("webhook fan-out of event %d: %w", ev.ID, err)
}
