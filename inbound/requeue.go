package inbound

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/viewer"
)

// RequeueStale queues again every webhook accepted before before and still not applied
// (the process crashed between recording and queueing, or the task ran out of retries),
// and returns how many. Tasks still queued are left alone (their task id), so running it
// often is harmless; the reconciliation job calls it.
func (s *Service) RequeueStale(ctx context.Context, before time.Time) (int, error) {
	sys := viewer.SystemContext(ctx, "inbound-webhooks")
	ids, err := s.client.InboundWebhook.Query().Where(inboundwebhook.StatusEQ(inboundwebhook.StatusAccepted),
		inboundwebhook.ReceivedAtLT(before)).IDs(sys)
	if err != nil {
		return 0, err
	}
	for i, id := range ids {
		if err := s.enqueue(sys, id); err != nil {
			return i, err
		}
	}
	return len(ids), nil
}
