package recurring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/testenv"
)

// A subscription is its customer's and its tenant's staff's: another customer of the
// same tenant and another tenant's admin see none and change none.
func TestAnotherCustomerOrTenantGetsNothing(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFixture(t, db)
		id := f.subscribe(t, nil)
		_, otherH := checkouttest.Register(t, f.Commerce, f.StoreA1, "neighbour@acme.test")
		other := checkouttest.Person{Headers: otherH}
		for name, h := range map[string]testenv.Headers{
			"another customer of A": other.In(f.StoreA1), "tenant admin of B": f.As(testenv.TenantAdminB),
		} {
			var out struct {
				Subscription  *struct{ ID string }
				Subscriptions struct{ TotalCount int }
			}
			f.API.MustDo(t, h, `query($id: ID!) { subscription(id: $id) { id } subscriptions(first: 10) { totalCount } }`,
				map[string]any{"id": id}).Decode(t, &out)
			assert.Nil(t, out.Subscription, name)
			assert.Zero(t, out.Subscriptions.TotalCount, name)
			for _, op := range []string{"skipNextRenewal", "pauseSubscription", "cancelSubscription"} {
				r := f.API.Do(t, h, `mutation($id: ID!) { `+op+`(id: $id) { id } }`, map[string]any{"id": id})
				testenv.RequireError(t, r, "NOT_FOUND")
			}
		}
		var mine struct{ Subscriptions struct{ TotalCount int } }
		f.API.MustDo(t, f.customer.In(f.StoreA1), `{ subscriptions(first: 10) { totalCount } }`, nil).Decode(t, &mine)
		assert.Equal(t, 1, mine.Subscriptions.TotalCount)
		assert.Equal(t, "active", f.subscription(t).Status.String(), "nobody else changed it")
	})
}

// Subscribe checks its input as a cart checks it, naming the field.
func TestSubscribeChecksItsInput(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFixture(t, db)
		for name, c := range map[string]struct {
			extra       map[string]any
			code, field string
		}{
			// A variant the store does not sell is not there, as addLineItem answers.
			"a variant A1 does not sell":        {map[string]any{"variantId": checkouttest.ID(f.Variants["hijab"].ID)}, "NOT_FOUND", "variantId"},
			"more than in stock":                {map[string]any{"quantity": 11}, "BAD_USER_INPUT", "quantity"},
			"another region's shipping":         {map[string]any{"shippingOptionId": checkouttest.ID(f.ShipAED.ID)}, "BAD_USER_INPUT", "shippingOptionId"},
			"a provider that needs the shopper": {map[string]any{"paymentProvider": "stripe"}, "BAD_USER_INPUT", "paymentProvider"},
			"a start in the past":               {map[string]any{"startAt": "2026-01-01T00:00:00Z"}, "BAD_USER_INPUT", "startAt"},
			"a start years ahead":               {map[string]any{"startAt": "9999-12-31T00:00:00Z"}, "BAD_USER_INPUT", "startAt"},
		} {
			r := f.API.Do(t, f.customer.In(f.StoreA1), subscribeMutation, f.input(c.extra))
			require.NotEmpty(t, r.Errors, name)
			assert.Equal(t, c.code, r.Code(), "%s: %+v", name, r.Errors)
			assert.Equal(t, c.field, r.Errors[0].Extensions["field"], name)
		}
		n, err := db.Client.Subscription.Query().Count(checkouttest.Sys())
		require.NoError(t, err)
		assert.Zero(t, n)
		carts, err := db.Client.Cart.Query().Count(checkouttest.Sys())
		require.NoError(t, err)
		assert.Zero(t, carts, "a refused subscription leaves no cart behind")
	})
}
