package billing

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/txn"
)

// Over is one limit a tenant exceeds on a plan, and how many must go.
type Over struct {
	Limit  Limit `json:"limit"`
	Used   int   `json:"used"`
	Max    int   `json:"max"`
	Remove int   `json:"remove"`
}

// Exceeded lists what tenantID has beyond plan p's limits.
func Exceeded(ctx context.Context, c *ent.Client, tenantID int, p *ent.Plan) ([]Over, error) {
	var out []Over
	for _, l := range Limits {
		max := l.Max(p)
		if max == nil {
			continue
		}
		n, err := Used(ctx, c, tenantID, l)
		if err != nil {
			return nil, err
		}
		if n > *max {
			out = append(out, Over{Limit: l, Used: n, Max: *max, Remove: n - *max})
		}
	}
	return out, nil
}

// downgradeError is PLAN_LIMIT for a plan the tenant has too much for: what must go.
func downgradeError(p *ent.Plan, over []Over) *apperr.Error {
	parts := make([]string, len(over))
	list := make([]map[string]any, len(over))
	for i, o := range over {
		parts[i] = fmt.Sprintf("%d %s", o.Remove, o.Limit.noun(o.Remove))
		list[i] = map[string]any{"limit": string(o.Limit), "used": o.Used, "max": o.Max, "remove": o.Remove}
	}
	e := apperr.New(apperr.PlanLimit, "the tenant has more than the %s plan allows: remove %s first", p.Key, strings.Join(parts, ", "))
	e.Details = map[string]any{"limit": string(over[0].Limit), "plan": string(p.Key), "over": list}
	return e
}

// Prorate is what a change from price from to price to costs for the rest of a period
// [start, end) at now: the difference, in proportion to the time left, to the second
// and rounded half away from zero. Negative is a credit.
func Prorate(from, to int64, start, end, now time.Time) int64 {
	total := int64(end.Sub(start) / time.Second)
	left := int64(end.Sub(now) / time.Second)
	if total <= 0 || left <= 0 {
		return 0
	}
	left = min(left, total)
	diff := (to - from) * left // prices stay below 10^12 and a month is below 3·10^6 s
	if diff < 0 {
		return -((-diff + total/2) / total)
	}
	return (diff + total/2) / total
}

// ChangePlan moves tenantID to plan key (the platform, or the tenant's admins while it
// is writable, by policy). A plan whose limits the tenant exceeds is refused with what
// must go first (PLAN_LIMIT, extensions.over). During a trial the plan simply changes;
// after it the rest of the period is prorated: the provider does it (Stripe), or a
// proration invoice is recorded, due at the period's end (a credit when cheaper).
func (s *Service) ChangePlan(ctx context.Context, tenantID int, key plan.Key) (*ent.TenantSubscription, error) {
	sub, err := s.Subscription(ctx, tenantID)
	if err != nil {
		return nil, err
	}
	if sub.Status == tenantsubscription.StatusCanceled {
		return nil, apperr.New(apperr.Conflict, "the subscription is canceled: subscribeTenant starts it again")
	}
	p, err := s.PlanByKey(ctx, key)
	if err != nil {
		return nil, err
	}
	if p.ID == sub.PlanID {
		return sub, nil
	}
	old, err := s.client.Plan.Get(ctx, sub.PlanID)
	if err != nil {
		return nil, err
	}
	over, err := Exceeded(ctx, s.client, tenantID, p)
	if err != nil {
		return nil, err
	}
	if len(over) > 0 {
		return nil, downgradeError(p, over)
	}
	now := s.Now().UTC()
	prorated := sub.Status != tenantsubscription.StatusTrialing
	if prorated && old.CurrencyCode != p.CurrencyCode {
		return nil, apperr.Invalid("plan", "the %s plan is billed in %s, the current one in %s: cancel and subscribe again", p.Key, p.CurrencyCode, old.CurrencyCode)
	}
	if sub.ProviderSubscriptionID != nil {
		if err := s.provider.ChangePlan(ctx, *sub.ProviderSubscriptionID, p); err != nil {
			return nil, err
		}
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.TenantSubscription, error) {
		out, err := tx.TenantSubscription.UpdateOne(sub).SetPlanID(p.ID).Save(ctx)
		if err != nil {
			return nil, err
		}
		if err := setTier(ctx, tx, tenantID, key); err != nil {
			return nil, err
		}
		if !prorated || sub.ProviderSubscriptionID != nil {
			return out, nil
		}
		amount := Prorate(old.Price, p.Price, sub.CurrentPeriodStart, sub.CurrentPeriodEnd, now)
		left := sub.CurrentPeriodEnd.Sub(now).Round(time.Hour)
		_, err = issue(ctx, tx, out, p, tenantinvoice.KindProration, amount, now, sub.CurrentPeriodEnd, sub.CurrentPeriodEnd,
			fmt.Sprintf("%s → %s for the %s left of the period ending %s", old.Name, p.Name, left, day(sub.CurrentPeriodEnd)))
		return out, err
	})
}
