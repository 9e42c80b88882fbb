package workers

import (
	"context"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/inbound"
)

// applyInbound applies one accepted inbound webhook (see inbound.Service.Apply: once,
// however often the task runs).
func (d Deps) applyInbound(ctx context.Context, t *asynq.Task) error {
	id, err := inbound.TaskWebhook(t.Payload())
	if err != nil {
		return fmt.Errorf("inbound task %q: %w", t.Payload(), asynq.SkipRetry)
	}
	return d.Inbound.Apply(ctx, id)
}

// TaskRequeueInbound queues again the inbound webhooks accepted but not applied for
// longer than InboundStaleAfter (see inbound.Service.RequeueStale).
const TaskRequeueInbound = "inbound:requeue-stale"

// InboundStaleAfter is how long an accepted webhook waits before it is queued again:
// well past a normal apply, so only those lost between recording and queueing (or whose
// task gave up) are.
const InboundStaleAfter = 10 * time.Minute

func (d Deps) requeueInbound(ctx context.Context, _ *asynq.Task) error {
	n, err := d.Inbound.RequeueStale(ctx, time.Now().Add(-InboundStaleAfter))
	if n > 0 {
		d.logger().Warn("inbound webhooks queued again", "count", n)
	}
	return err
}
