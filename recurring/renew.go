package recurring

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/ent/subscriptionrenewal"
	"github.com/dakkah/cityos/txn"
)

// Backoff is how long after each failed attempt a period is tried again: after the last
// retry fails too, the subscription is paused and its customer told.
var Backoff = []time.Duration{time.Hour, 6 * time.Hour, 24 * time.Hour}

// errClaimed: another worker placed or skipped the period meanwhile, or the subscription
// was paused or canceled: nothing is left to do for it.
var errClaimed = errors.New("recurring: the period was settled meanwhile")

// RenewDue places the order of every active subscription whose period has come (and
// whose retry, after a failed payment, is due), at most batch of them, and answers how
// many periods it settled (placed, skipped or failed). A period is settled once however
// many workers run this at the same time: see renew.
func (s *Service) RenewDue(ctx context.Context, batch int) (int, error) {
	now := s.now()
	due, err := s.client.Subscription.Query().
		Where(subscription.StatusEQ(subscription.StatusActive), subscription.NextRenewalAtLTE(now),
			subscription.Or(subscription.RetryAtIsNil(), subscription.RetryAtLTE(now))).
		Order(ent.Asc(subscription.FieldNextRenewalAt), ent.Asc(subscription.FieldID)).Limit(batch).All(sys(ctx))
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, sub := range due {
		settled, err := s.renew(ctx, sub)
		if err != nil {
			errs = append(errs, fmt.Errorf("subscription %d: %w", sub.ID, err))
		}
		if settled {
			n++
		}
	}
	return n, errors.Join(errs...)
}

// renew settles the period of sub starting at its next_renewal_at: skipped, placed, or
// failed (tried again later). The period's SubscriptionRenewal row, unique per
// (subscription, period), carries the cart its order is placed from; placing completes
// that cart once (see checkout.PlaceRenewal) and, in the same transaction, claims the
// row and moves the subscription to its next period, conditionally on both being as
// read. A second worker, or a retry after a crash, finds the row claimed or the cart
// completed and places nothing more. Errors that are the business's answer (a declined
// payment, a variant out of stock) count as a failed attempt; others are returned, and
// the period is tried at the next run.
func (s *Service) renew(ctx context.Context, sub *ent.Subscription) (bool, error) {
	period := sub.NextRenewalAt
	if sub.SkipNext {
		err := s.skip(ctx, sub, period)
		return err == nil, ignoreClaimed(err)
	}
	r, err := s.renewal(ctx, sub, period)
	if err != nil {
		return false, s.failedIfRefused(ctx, sub, nil, err)
	}
	if r.Status == subscriptionrenewal.StatusPlaced || r.Status == subscriptionrenewal.StatusSkipped {
		return false, nil // settled by another worker since sub was read
	}
	now := s.now()
	after, err := s.following(ctx, sub, period)
	if err != nil {
		return false, err
	}
	_, err = s.checkout.PlaceRenewal(ctx, checkout.Renewal{
		CartID: *r.CartID, Key: fmt.Sprintf("subscription-%d:%d", sub.ID, period.Unix()), LockedUnitPrice: sub.LockedUnitPrice,
		PaymentMethod: sub.PaymentMethod,
		Claim: func(ctx context.Context, tx *ent.Tx) error {
			n, err := tx.SubscriptionRenewal.Update().
				Where(subscriptionrenewal.ID(r.ID), subscriptionrenewal.StatusIn(subscriptionrenewal.StatusPending, subscriptionrenewal.StatusFailed)).
				SetStatus(subscriptionrenewal.StatusPlaced).SetLastError("").SetUpdatedAt(now).Save(ctx)
			if err == nil && n == 0 {
				err = errClaimed
			}
			return err
		},
		Link: func(ctx context.Context, tx *ent.Tx, orderID int) error {
			if err := tx.SubscriptionRenewal.UpdateOneID(r.ID).SetOrderID(orderID).Exec(ctx); err != nil {
				return err
			}
			n, err := settle(tx, sub, period, after, now).SetLastOrderID(orderID).SetFailedAttempts(0).ClearRetryAt().Save(ctx)
			if err == nil && n == 0 {
				err = errClaimed // paused or canceled meanwhile: no order after all
			}
			return err
		},
	})
	if err != nil {
		return false, s.failedIfRefused(ctx, sub, r, ignoreClaimed(err))
	}
	return true, nil
}

// settle moves sub from the period starting at period to the one starting at after, if
// it is still active at that period (the update's conditions): the one statement that
// settles it.
func settle(tx *ent.Tx, sub *ent.Subscription, period, after, now time.Time) *ent.SubscriptionUpdate {
	return tx.Subscription.Update().
		Where(subscription.ID(sub.ID), subscription.NextRenewalAt(period), subscription.StatusEQ(subscription.StatusActive)).
		SetNextRenewalAt(after).SetUpdatedAt(now)
}

// skip lets the period go by without an order, recorded as a skipped renewal.
func (s *Service) skip(ctx context.Context, sub *ent.Subscription, period time.Time) error {
	now := s.now()
	after, err := s.following(ctx, sub, period)
	if err != nil {
		return err
	}
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		n, err := settle(tx, sub, period, after, now).Where(subscription.SkipNext(true)).SetSkipNext(false).Save(ctx)
		if err == nil && n == 0 {
			err = errClaimed
		}
		if err != nil {
			return err
		}
		// Only the worker whose update settled the period gets here. The first period's row
		// exists already (made at subscribe); its cart is left unused.
		n, err = tx.SubscriptionRenewal.Update().
			Where(subscriptionrenewal.SubscriptionID(sub.ID), subscriptionrenewal.PeriodStart(period)).
			SetStatus(subscriptionrenewal.StatusSkipped).SetUpdatedAt(now).Save(ctx)
		if err != nil || n > 0 {
			return err
		}
		return tx.SubscriptionRenewal.Create().SetTenantID(sub.TenantID).SetSubscriptionID(sub.ID).
			SetPeriodStart(period).SetStatus(subscriptionrenewal.StatusSkipped).SetCreatedAt(now).SetUpdatedAt(now).Exec(ctx)
	})
}

func ignoreClaimed(err error) error {
	if errors.Is(err, errClaimed) {
		return nil
	}
	return err
}

// failedIfRefused records a failed attempt at sub's period when cause is the business's
// answer (a coded error), and answers the causes that are not.
func (s *Service) failedIfRefused(ctx context.Context, sub *ent.Subscription, r *ent.SubscriptionRenewal, cause error) error {
	if cause == nil {
		return nil
	}
	if _, coded := apperr.As(cause); !coded {
		return cause
	}
	return ignoreClaimed(s.failed(ctx, sub, r, cause))
}

// failed records attempt failed_attempts+1 at sub's period: tried again after the next
// Backoff, or, once the retries are spent, the subscription is paused (its customer is
// told on subscription.paused; see workers). Conditional on the attempts read, so two
// workers failing the same attempt count it once.
func (s *Service) failed(ctx context.Context, sub *ent.Subscription, r *ent.SubscriptionRenewal, cause error) error {
	now := s.now()
	attempts := sub.FailedAttempts + 1
	msg := cause.Error()
	if len(msg) > 1000 {
		msg = msg[:1000]
	}
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		u := tx.Subscription.Update().
			Where(subscription.ID(sub.ID), subscription.NextRenewalAt(sub.NextRenewalAt),
				subscription.StatusEQ(subscription.StatusActive), subscription.FailedAttempts(sub.FailedAttempts)).
			SetFailedAttempts(attempts).SetUpdatedAt(now)
		if attempts > len(Backoff) {
			u.SetStatus(subscription.StatusPaused).ClearRetryAt()
		} else {
			u.SetRetryAt(now.Add(Backoff[attempts-1]))
		}
		n, err := u.Save(ctx)
		if err == nil && n == 0 {
			err = errClaimed
		}
		if err != nil || r == nil {
			return err
		}
		return tx.SubscriptionRenewal.UpdateOneID(r.ID).SetStatus(subscriptionrenewal.StatusFailed).
			SetLastError(msg).SetUpdatedAt(now).Exec(ctx)
	})
}
