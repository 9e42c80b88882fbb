package recurring_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/recurring"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// The customer skips the next period, pauses, resumes and cancels, through the API.
func TestSkipPauseResumeCancel(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFixture(t, db)
		id := f.subscribe(t, nil)
		f.renew(t)
		require.Len(t, f.orders(t), 1)
		do := func(op string) map[string]any {
			var out map[string]map[string]any
			f.API.MustDo(t, f.customer.In(f.StoreA1), `mutation($id: ID!) { `+op+`(id: $id) { status skipNext nextRenewalAt } }`,
				map[string]any{"id": id}).Decode(t, &out)
			return out[op]
		}
		assert.Equal(t, true, do("skipNextRenewal")["skipNext"])
		f.clock.Set(start.AddDate(0, 1, 0))
		f.renewTwice(t)
		assert.Len(t, f.orders(t), 1, "the skipped period places nothing")
		assert.True(t, f.subscription(t).NextRenewalAt.Equal(start.AddDate(0, 2, 0)))
		assert.False(t, f.subscription(t).SkipNext, "only the next period is skipped")

		assert.Equal(t, "paused", do("pauseSubscription")["status"])
		f.clock.Set(start.AddDate(0, 3, 0))
		f.renew(t)
		assert.Len(t, f.orders(t), 1, "a paused subscription places nothing")
		r := f.API.Do(t, f.customer.In(f.StoreA1), `mutation($id: ID!) { pauseSubscription(id: $id) { id } }`, map[string]any{"id": id})
		testenv.RequireError(t, r, "CONFLICT")

		resumed := do("resumeSubscription")
		assert.Equal(t, "active", resumed["status"])
		f.renew(t)
		assert.Len(t, f.orders(t), 2, "the period missed while paused is placed at once on resuming")
		assert.True(t, f.subscription(t).NextRenewalAt.Equal(start.AddDate(0, 4, 0)))

		assert.Equal(t, "canceled", do("cancelSubscription")["status"])
		f.clock.Set(start.AddDate(1, 0, 0))
		f.renew(t)
		assert.Len(t, f.orders(t), 2)
		r = f.API.Do(t, f.customer.In(f.StoreA1), `mutation($id: ID!) { resumeSubscription(id: $id) { id } }`, map[string]any{"id": id})
		testenv.RequireError(t, r, "CONFLICT")
		assert.Equal(t, []string{"subscription.created", "subscription.renewed", "subscription.updated", "subscription.skipped",
			"subscription.paused", "subscription.resumed", "subscription.renewed", "subscription.canceled"}, f.topics(t))
	})
}

// Renewals pay the price list's price when they are placed, unless the customer locked
// the price it subscribed at.
func TestRenewalPricesFollowThePriceListUnlessLocked(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFixture(t, db)
		f.subscribe(t, nil)
		f.subscribe(t, map[string]any{"lockPrice": true, "interval": "week"})
		_, err := db.Client.Price.Update().Where(price.VariantID(f.Variants["thobe"].ID), price.CurrencyCode("SAR")).
			SetAmount(30000).Save(checkouttest.Sys())
		require.NoError(t, err)
		f.renew(t)
		os := f.orders(t)
		require.Len(t, os, 2)
		totals := []int64{os[0].Total, os[1].Total}
		assert.ElementsMatch(t, []int64{30000 + 2500, 25000 + 2500}, totals, "the unlocked one at the new price, the locked at the old")
	})
}

// declining is the manual provider, declining while fail is set.
type declining struct {
	payment.Manual
	fail *atomic.Bool
}

func (d declining) Authorize(ctx context.Context, req payment.AuthorizeRequest) (string, error) {
	if d.fail.Load() {
		return "", apperr.New(apperr.Conflict, "the card was declined")
	}
	return d.Manual.Authorize(ctx, req)
}

// A declined renewal is tried again after an hour, six hours and a day; when the third
// retry fails too the subscription is paused (subscription.paused, which tells the
// customer). Resumed with a payment that goes through, the period is placed.
func TestFailedPaymentsRetryWithBackoffThenPause(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFixture(t, db)
		var fail atomic.Bool
		fail.Store(true)
		payments := payment.NewRegistry(declining{fail: &fail})
		co := checkout.New(db.Client, payments, checkout.WithCarts(f.API.App.Carts), checkout.WithClock(f.clock.Now))
		svc := recurring.New(db.Client, f.API.App.Carts, co, payments, f.clock.Now)
		renew := func() {
			d := workers.Deps{Client: db.Client, Renewals: svc}
			require.NoError(t, workers.Mux(d).ProcessTask(context.Background(), asynq.NewTask(workers.TaskRenewSubscriptions, nil)))
		}
		f.subscribe(t, nil)
		renew()
		sub := f.subscription(t)
		assert.Equal(t, 1, sub.FailedAttempts)
		require.NotNil(t, sub.RetryAt)
		assert.True(t, sub.RetryAt.Equal(start.Add(time.Hour)))
		assert.Equal(t, 0, checkouttest.Stock(t, f.Commerce, "thobe").ReservedQuantity, "a declined renewal holds no stock")
		for i, wait := range recurring.Backoff {
			f.clock.Add(wait - time.Minute)
			renew()
			assert.Equal(t, i+1, f.subscription(t).FailedAttempts, "not before the backoff")
			f.clock.Add(time.Minute)
			renew()
		}
		sub = f.subscription(t)
		assert.Equal(t, subscription.StatusPaused, sub.Status)
		assert.Equal(t, 4, sub.FailedAttempts)
		assert.Empty(t, f.orders(t))
		assert.Equal(t, []string{"subscription.created", "subscription.payment_failed", "subscription.payment_failed",
			"subscription.payment_failed", "subscription.paused"}, f.topics(t))

		fail.Store(false)
		f.API.MustDo(t, f.customer.In(f.StoreA1), `mutation($id: ID!) { resumeSubscription(id: $id) { id } }`,
			map[string]any{"id": checkouttest.ID(sub.ID)})
		renew()
		require.Len(t, f.orders(t), 1)
		sub = f.subscription(t)
		assert.Equal(t, 0, sub.FailedAttempts)
		assert.Nil(t, sub.RetryAt)
	})
}
