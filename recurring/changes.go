package recurring

import (
	"context"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/viewer"
)

// SkipNext lets the next period pass without an order (once); the subscription goes on
// after it. Skipping again before that period changes nothing.
func (s *Service) SkipNext(ctx context.Context, id int) (*ent.Subscription, error) {
	return s.change(ctx, id, []subscription.Status{subscription.StatusActive, subscription.StatusPaused},
		func(u *ent.SubscriptionUpdate, _ *ent.Subscription) { u.SetSkipNext(true) })
}

// Pause stops renewals until Resume.
func (s *Service) Pause(ctx context.Context, id int) (*ent.Subscription, error) {
	return s.change(ctx, id, []subscription.Status{subscription.StatusActive},
		func(u *ent.SubscriptionUpdate, _ *ent.Subscription) { u.SetStatus(subscription.StatusPaused) })
}

// Resume renews a paused subscription again: a period whose time passed while it was
// paused is placed at once (from now), and a period paused for failed payments is tried
// afresh.
func (s *Service) Resume(ctx context.Context, id int) (*ent.Subscription, error) {
	now := s.now()
	return s.change(ctx, id, []subscription.Status{subscription.StatusPaused},
		func(u *ent.SubscriptionUpdate, sub *ent.Subscription) {
			u.SetStatus(subscription.StatusActive).SetFailedAttempts(0).ClearRetryAt()
			if sub.NextRenewalAt.Before(now) {
				u.SetNextRenewalAt(now)
			}
		})
}

// Cancel ends the subscription: no order is placed for it again.
func (s *Service) Cancel(ctx context.Context, id int) (*ent.Subscription, error) {
	now := s.now()
	return s.change(ctx, id, []subscription.Status{subscription.StatusActive, subscription.StatusPaused},
		func(u *ent.SubscriptionUpdate, _ *ent.Subscription) {
			u.SetStatus(subscription.StatusCanceled).SetCanceledAt(now).ClearRetryAt()
		})
}

// change applies set to subscription id when the caller may change it and it is in one
// of the statuses from: the update is conditional on the status and version read, so a
// renewal or another change made meanwhile is never overwritten (CONFLICT: read again).
func (s *Service) change(ctx context.Context, id int, from []subscription.Status,
	set func(*ent.SubscriptionUpdate, *ent.Subscription)) (*ent.Subscription, error) {
	sub, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := access.MayChangeSubscription(viewer.FromContext(ctx), sub); err != nil {
		return nil, err
	}
	ok := false
	for _, st := range from {
		ok = ok || sub.Status == st
	}
	if !ok {
		return nil, apperr.New(apperr.Conflict, "the subscription is %s", sub.Status)
	}
	u := s.client.Subscription.Update().
		Where(subscription.ID(id), subscription.StatusEQ(sub.Status), subscription.Version(sub.Version)).
		SetUpdatedAt(s.now())
	set(u, sub)
	n, err := u.Save(sys(ctx))
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, apperr.New(apperr.Conflict, "the subscription changed meanwhile: read it again")
	}
	return s.client.Subscription.Get(sys(ctx), id)
}
