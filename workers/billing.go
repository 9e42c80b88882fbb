package workers

import (
	"context"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
)

// TaskBilling is the periodic billing run (package billing): it renews manually billed
// periods, makes overdue subscriptions past due and suspends the tenants past due
// beyond the grace period.
const TaskBilling = "billing:run"

// DefaultBillingInterval is how often billing runs when no interval is configured.
const DefaultBillingInterval = time.Hour

func (d Deps) billingInterval() time.Duration {
	if d.BillingInterval > 0 {
		return d.BillingInterval
	}
	return DefaultBillingInterval
}

// runBilling is one billing run. Every step changes a row only from the state it read,
// so a retried task or two workers running at once do each thing once.
func (d Deps) runBilling(ctx context.Context, _ *asynq.Task) error {
	if d.Billing == nil {
		return nil
	}
	rep, err := d.Billing.Run(ctx)
	d.logger().Info("billing run", "renewed", rep.Renewed, "past_due", rep.PastDue, "suspended", rep.Suspended)
	if err != nil {
		return fmt.Errorf("billing run: %w", err)
	}
	return nil
}
