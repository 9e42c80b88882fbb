package graph

import (
	"context"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/graph/model"
	"github.com/dakkah/cityos/viewer"
)

// planInput is setPlan's input for package billing.
func planInput(in model.PlanInput) billing.PlanInput {
	out := billing.PlanInput{
		Name: in.Name, CurrencyCode: in.CurrencyCode, MaxStores: in.MaxStores, MaxProducts: in.MaxProducts,
		MaxStaffSeats: in.MaxStaffSeats, MaxIntegrationEndpoints: in.MaxIntegrationEndpoints,
		APIRateLimit: in.APIRateLimit, StripePriceID: in.StripePriceID, Unlimited: in.Unlimited,
	}
	if in.Price != nil {
		p := int64(*in.Price)
		out.Price = &p
	}
	return out
}

// planUsage is billing's usage as the API shows it.
func planUsage(us []billing.Usage) []*model.PlanUsage {
	out := make([]*model.PlanUsage, len(us))
	for i, u := range us {
		out[i] = &model.PlanUsage{Limit: string(u.Limit), Used: u.Used, Max: u.Max}
	}
	return out
}

// suspendedBy is who suspended t, to the platform and t's staff (as its status).
func suspendedBy(ctx context.Context, t *ent.Tenant) *string {
	if t.SuspendedBy == nil || !access.CanSeeTenantPrivate(viewer.FromContext(ctx), t.ID) {
		return nil
	}
	by := string(*t.SuspendedBy)
	return &by
}
