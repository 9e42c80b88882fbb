package seed

import (
	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/ent/tenantsubscription"
)

// plans defines the platform's default plans (billing.DefaultPlans) that are not
// defined yet; plans the platform's admins changed are kept as they are.
func (s *seeder) plans() error {
	for key, in := range billing.DefaultPlans() {
		exists, err := s.c.Plan.Query().Where(plan.KeyEQ(key)).Exist(s.ctx)
		if err != nil || exists {
			if err != nil {
				return err
			}
			continue
		}
		if _, err := s.bills.SetPlan(s.ctx, key, in); err != nil {
			return err
		}
	}
	return nil
}

// subscription subscribes a demo tenant to the plan of its tier, billed manually, with
// its first month paid, unless it has a subscription already.
func (s *seeder) subscription(t *ent.Tenant) error {
	exists, err := s.c.TenantSubscription.Query().Where(tenantsubscription.TenantID(t.ID)).Exist(s.ctx)
	if err != nil || exists {
		return err
	}
	sub, err := s.bills.Subscribe(s.ctx, t.ID, plan.Key(t.SubscriptionTier), 0)
	if err != nil {
		return err
	}
	open, err := s.c.TenantInvoice.Query().Where(tenantinvoice.SubscriptionID(sub.ID),
		tenantinvoice.StatusEQ(tenantinvoice.StatusOpen)).IDs(s.ctx)
	if err != nil {
		return err
	}
	for _, id := range open {
		if _, err := s.bills.MarkInvoicePaid(s.ctx, id, "demo"); err != nil {
			return err
		}
	}
	return nil
}
