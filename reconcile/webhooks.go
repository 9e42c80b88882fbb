package reconcile

import "context"

// webhookRetries queues again the webhook retries whose task was lost (see
// webhooks.Service.RequeueLostRetries), reported by the failed attempt each follows.
func (r *Reconciler) webhookRetries(ctx context.Context, add func(int, string, int), res *Result) error {
	if r.Webhooks == nil {
		return nil
	}
	rows, err := r.Webhooks.RequeueLostRetries(ctx)
	for _, row := range rows {
		add(row.TenantID, "webhook_retries_requeued", row.ID)
	}
	res.RequeuedRetries = len(rows)
	return err
}
