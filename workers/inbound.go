package workers

import (
	"context"
	"fmt"

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
