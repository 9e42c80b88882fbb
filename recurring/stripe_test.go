package recurring_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/testenv"
)

// With Stripe, a subscription stores the customer's saved PaymentMethod and each renewal
// is an off-session PaymentIntent on it (against stripe-mock), held for capture; Stripe
// without a saved method cannot charge renewals.
func TestStripeRenewalsChargeTheSavedPaymentMethod(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFixtureWith(t, db, func(cfg *config.Config) {
			cfg.StripeSecretKey, cfg.StripeAPIBase = "sk_test_123", testenv.StripeMock(t)
		})
		r := f.API.Do(t, f.customer.In(f.StoreA1), subscribeMutation, f.input(map[string]any{"paymentProvider": "stripe"}))
		testenv.RequireError(t, r, "BAD_USER_INPUT", "paymentProvider")
		f.subscribe(t, map[string]any{"paymentProvider": "stripe", "paymentMethod": "pm_card_visa"})
		assert.Equal(t, "pm_card_visa", f.subscription(t).PaymentMethod)
		f.renewTwice(t)
		os := f.orders(t)
		require.Len(t, os, 1)
		assert.Equal(t, "stripe", os[0].PaymentProvider)
		assert.True(t, strings.HasPrefix(os[0].PaymentReference, "pi_"), os[0].PaymentReference)
		assert.Equal(t, "authorized", os[0].PaymentStatus.String())
	})
}
