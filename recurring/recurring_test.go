package recurring_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// start is where the tests' clock begins.
var start = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

// fixture is the commerce fixture on a clock the test moves, with a customer of tenant A
// who subscribes in store A1.
type fixture struct {
	*testenv.Commerce
	clock    *checkouttest.Clock
	customer checkouttest.Person
}

func newFixture(t *testing.T, db *testenv.DB) *fixture {
	return newFixtureWith(t, db, func(*config.Config) {})
}

// newFixtureWith is newFixture over an API configured by configure.
func newFixtureWith(t *testing.T, db *testenv.DB, configure func(*config.Config)) *fixture {
	clock := checkouttest.NewClock(start)
	cfg := testenv.Config()
	cfg.Now = clock.Now
	configure(&cfg)
	c := testenv.NewCommerceWith(t, db, cfg)
	u, h := checkouttest.Register(t, c, c.StoreA1, "subscriber@acme.test")
	return &fixture{Commerce: c, clock: clock, customer: checkouttest.Person{User: u, Headers: h}}
}

const subscribeMutation = `mutation($in: SubscribeInput!) { subscribe(input: $in) {
	id status interval nextRenewalAt quantity lockedUnitPrice paymentProvider shippingAddress { city } } }`

// input is a SubscribeInput to a thobe a month in store A1, with extra fields.
func (f *fixture) input(extra map[string]any) map[string]any {
	in := map[string]any{
		"variantId": checkouttest.ID(f.Variants["thobe"].ID), "quantity": 1, "interval": "month",
		"regionId": checkouttest.ID(f.SAR.ID), "shippingOptionId": checkouttest.ID(f.ShipSAR.ID),
		"shippingAddress": map[string]any{"firstName": "Sara", "lastName": "Ali", "address1": "1 King Fahd Rd", "city": "Riyadh", "countryCode": "SA"},
	}
	for k, v := range extra {
		in[k] = v
	}
	return map[string]any{"in": in}
}

// subscribe subscribes the fixture's customer (see input).
func (f *fixture) subscribe(t *testing.T, extra map[string]any) string {
	t.Helper()
	var out struct {
		Subscribe struct{ ID, Status, Interval string }
	}
	f.API.MustDo(t, f.customer.In(f.StoreA1), subscribeMutation, f.input(extra)).Decode(t, &out)
	assert.Equal(t, "active", out.Subscribe.Status)
	return out.Subscribe.ID
}

// renew runs the renewal task once, as a worker would.
func (f *fixture) renew(t *testing.T) {
	t.Helper()
	d := workers.Deps{Client: f.API.DB.Client, Renewals: f.API.App.Recurring}
	require.NoError(t, workers.Mux(d).ProcessTask(context.Background(), asynq.NewTask(workers.TaskRenewSubscriptions, nil)))
}

// renewTwice runs the renewal task on two workers at once.
func (f *fixture) renewTwice(t *testing.T) {
	t.Helper()
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { f.renew(t) })
	}
	wg.Wait()
}

// orders are the customer's orders, oldest first.
func (f *fixture) orders(t *testing.T) []*ent.Order {
	t.Helper()
	os, err := f.API.DB.Client.Order.Query().Where(order.CustomerID(f.customer.User.ID)).
		WithItems().Order(ent.Asc(order.FieldID)).All(checkouttest.Sys())
	require.NoError(t, err)
	return os
}

func (f *fixture) subscription(t *testing.T) *ent.Subscription {
	t.Helper()
	s, err := f.API.DB.Client.Subscription.Query().Where(subscription.CustomerID(f.customer.User.ID)).Only(checkouttest.Sys())
	require.NoError(t, err)
	return s
}

// topics are the subscription events raised so far, in order.
func (f *fixture) topics(t *testing.T) []string {
	t.Helper()
	evs, err := f.API.DB.Client.OutboxEvent.Query().Where(outboxevent.AggregateType("subscription")).
		Order(ent.Asc(outboxevent.FieldID)).All(checkouttest.Sys())
	require.NoError(t, err)
	out := make([]string, len(evs))
	for i, ev := range evs {
		out[i] = ev.Topic
	}
	return out
}

// A recurring order renews once per period: the first order when it starts, the next a
// month on, whatever retries run or second worker runs at the same time.
func TestRenewalPlacedOncePerPeriodAcrossWorkersAndRetries(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFixture(t, db)
		f.subscribe(t, nil)
		f.renewTwice(t)
		f.renew(t)
		os := f.orders(t)
		require.Len(t, os, 1, "one order for the first period")
		assert.Equal(t, int64(25000+2500), os[0].Total, "a thobe and the shipping, as a checkout prices them")
		assert.Equal(t, "manual", os[0].PaymentProvider)
		require.Len(t, os[0].Edges.Items, 1)
		assert.Equal(t, f.Variants["thobe"].ID, *os[0].Edges.Items[0].VariantID)
		assert.Equal(t, 9, checkouttest.Stock(t, f.Commerce, "thobe").StockedQuantity-checkouttest.Stock(t, f.Commerce, "thobe").ReservedQuantity, "its unit is reserved")
		sub := f.subscription(t)
		assert.True(t, sub.NextRenewalAt.Equal(start.AddDate(0, 1, 0)))
		assert.Equal(t, os[0].ID, *sub.LastOrderID)

		f.clock.Add(15 * 24 * time.Hour)
		f.renewTwice(t)
		assert.Len(t, f.orders(t), 1, "nothing is due mid-period")

		f.clock.Set(start.AddDate(0, 1, 0))
		f.renewTwice(t)
		f.renewTwice(t)
		os = f.orders(t)
		require.Len(t, os, 2, "one order for the second period")
		assert.NotEqual(t, os[0].DisplayID, os[1].DisplayID)
		assert.True(t, f.subscription(t).NextRenewalAt.Equal(start.AddDate(0, 2, 0)))
		assert.Equal(t, []string{"subscription.created", "subscription.renewed", "subscription.renewed"}, f.topics(t))
	})
}
