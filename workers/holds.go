package workers

import (
	"context"
	"fmt"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/viewer"
)

// TaskExpireHolds lets go the b2b holds whose time is up: approval requests past their
// expiry give their stock back and free their carts; quotes past theirs free their carts.
const TaskExpireHolds = "holds:expire"

// expireHoldsEvery is how often the expiry runs: a request outlives its time by this at most.
const expireHoldsEvery = "@every 1m"

// holdBatch bounds one run's work; a larger backlog goes on at the next run.
const holdBatch = 500

func (d Deps) expireHolds(ctx context.Context, _ *asynq.Task) error {
	if d.Holds == nil {
		return nil
	}
	ctx = viewer.SystemContext(ctx, "hold-expiry")
	n, err := d.Holds.ExpireApprovals(ctx, holdBatch)
	if n > 0 {
		d.logger().Info("approval requests expired", "count", n)
	}
	if err != nil {
		return fmt.Errorf("expire approval requests: %w", err)
	}
	n, err = d.Holds.ExpireQuotes(ctx, holdBatch)
	if n > 0 {
		d.logger().Info("quotes expired", "count", n)
	}
	if err != nil {
		return fmt.Errorf("expire quotes: %w", err)
	}
	return nil
}
