package access

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/viewer"
)

// visibleSubscriptions: a customer sees its own recurring orders, the tenant's admins
// and the store's managers those of their tenant or store.
func visibleSubscriptions(v *viewer.Viewer) (predicate.Subscription, bool) {
	var any []predicate.Subscription
	if p, ok := staffScoped(v, subscription.TenantIDIn, subscription.StoreIDIn, subscription.Or); ok {
		any = append(any, p)
	}
	if ownRows(v, len(any)) {
		any = append(any, subscription.CustomerID(v.UserID))
	}
	if len(any) == 0 {
		return nil, false
	}
	return subscription.Or(any...), true
}

// SubscriptionPolicy scopes subscriptions (see visibleSubscriptions). Nobody writes them
// directly: package recurring writes them in its system context after
// MayChangeSubscription.
func SubscriptionPolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{
			allowPlatform(),
			privacy.SubscriptionQueryRuleFunc(func(ctx context.Context, q *ent.SubscriptionQuery) error {
				p, ok := visibleSubscriptions(viewer.FromContext(ctx))
				if !ok {
					return denyNothingVisible("subscriptions")
				}
				q.Where(p)
				return privacy.Allow
			}),
		},
		Mutation: privacy.MutationPolicy{allowPlatform(), privacy.AlwaysDenyRule()},
	}
}

// MayChangeSubscription reports (as nil) whether the viewer may skip, pause, resume or
// cancel subscription s: its customer (unless the tenant is read-only to it), and the
// staff who may change the store's orders.
func MayChangeSubscription(v *viewer.Viewer, s *ent.Subscription) error {
	if v.Kind == viewer.User && v.UserID == s.CustomerID {
		return MayActForBuyer(v, s.TenantID, s.CustomerID, 0) // its own, unless read-only
	}
	if decideStaffWrite(v, rowScope{TenantID: s.TenantID, StoreID: s.StoreID}, true) == privacy.Allow {
		return nil
	}
	return apperr.New(apperr.Forbidden, "only the subscription's customer and its store's staff change it")
}
