package workers

import (
	"context"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/reconcile"
	"github.com/dakkah/cityos/syncs"
)

// TaskReconcile runs the reconciler once (see package reconcile).
const TaskReconcile = "reconcile:run"

// DefaultReconcileInterval is how often the scheduler reconciles when Deps leaves it unset.
const DefaultReconcileInterval = 5 * time.Minute

func (d Deps) reconcileInterval() time.Duration {
	if d.ReconcileInterval > 0 {
		return d.ReconcileInterval
	}
	return DefaultReconcileInterval
}

// runSync runs a sync job from its cursor. An error retries the task (the job resumes
// at its last committed page); on the last attempt the job is marked failed.
func (d Deps) runSync(ctx context.Context, t *asynq.Task) error {
	id, err := syncs.JobOf(t)
	if err != nil {
		return fmt.Errorf("%w: %w", err, asynq.SkipRetry)
	}
	err = d.Syncs.Run(ctx, id)
	if err == nil {
		return nil
	}
	retried, ok1 := asynq.GetRetryCount(ctx)
	maxRetry, ok2 := asynq.GetMaxRetry(ctx)
	if ok1 && ok2 && retried >= maxRetry {
		if ferr := d.Syncs.Fail(context.WithoutCancel(ctx), id, err); ferr != nil {
			d.logger().Error("sync job: marking failed", "job", id, "err", ferr)
		}
	}
	return err
}

// Reconciler is the reconciler the workers run, over their own connections.
func (d Deps) Reconciler() *reconcile.Reconciler {
	queue := d.Queue
	if queue == nil {
		queue = asynq.NewClientFromRedisClient(d.Redis)
	}
	return &reconcile.Reconciler{Client: d.Client, Queue: queue, Redis: d.Redis, KeyPrefix: d.KeyPrefix,
		Syncs: d.Syncs, Webhooks: d.Webhooks, Payments: d.Payments, Orders: d.Orders, Window: d.retention()}
}

// reconcileOnce is the scheduled reconciliation's handler.
func (d Deps) reconcileOnce(ctx context.Context, _ *asynq.Task) error {
	res, err := d.Reconciler().Run(ctx)
	d.logger().Info("reconciled", "tenantsWithFindings", len(res.Jobs), "stuckEvents", res.StuckEvents,
		"requeuedEvents", res.RequeuedEvents, "requeuedSyncs", res.RequeuedSyncs, "requeuedRetries", res.RequeuedRetries, "redisWasEmptied", res.RedisWasEmptied, "err", err)
	return err
}
