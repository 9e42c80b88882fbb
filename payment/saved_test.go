package payment_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/payment"
)

// A saved PaymentMethod is charged off-session through an Authorizer (what a renewal is
// paid with), against stripe-mock, which checks the request against Stripe's API.
func TestStripeAuthorizesASavedPaymentMethod(t *testing.T) {
	p := payment.NewStripe("sk_test_123", stripeMock(t))
	ref, err := payment.Saved(p, "pm_card_visa").Authorize(context.Background(), payment.AuthorizeRequest{
		Amount: 27500, CurrencyCode: "SAR", IdempotencyKey: "cart-1:subscription-1:1", Email: "shopper@example.test",
		Metadata: map[string]string{"cart_id": "1"},
	})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(ref, "pi_"), ref)
}
