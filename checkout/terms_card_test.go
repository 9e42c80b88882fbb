package checkout_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/testenv"
)

// A buyer of a company on net_30 terms cannot open a card payment: the order is invoiced,
// so a confirmed card would be charged on top and belong to no order. Pay on delivery
// (manual) stays open to them, as cards do to a company that pays now.
func TestNet30BuyerOpensNoCardPayment(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		cfg := testenv.Config()
		cfg.StripeSecretKey, cfg.StripeAPIBase = "sk_test_123", testenv.StripeMock(t)
		b := checkouttest.NewB2B(t, testenv.NewCommerceWith(t, db, cfg))
		require.NoError(t, db.Client.Company.UpdateOneID(b.Company.ID).SetPaymentTerms(company.PaymentTermsNet30).Exec(checkouttest.Sys()))
		open := func(p checkouttest.Person, provider string) *testenv.Response {
			return b.API.Do(t, p.In(b.StoreA1), `mutation($c: ID!, $p: String) { createPaymentSession(cartId: $c, provider: $p) { provider clientSecret } }`,
				map[string]any{"c": checkouttest.ID(b.Cart(t, p).Token), "p": provider})
		}

		for _, provider := range []string{"stripe", ""} { // named, or the default (Stripe here)
			testenv.RequireError(t, open(b.Buyer1, provider), "BAD_USER_INPUT", "provider")
		}
		r := open(b.Buyer1, "manual")
		require.Empty(t, r.Errors, "pay on delivery is not a charge")

		var card struct {
			CreatePaymentSession struct{ Provider, ClientSecret string }
		}
		b.API.MustDo(t, b.OtherBuyer.In(b.StoreA1), `mutation($c: ID!) { createPaymentSession(cartId: $c, provider: "stripe") { provider clientSecret } }`,
			map[string]any{"c": checkouttest.ID(b.Cart(t, b.OtherBuyer).Token)}).Decode(t, &card)
		assert.Equal(t, "stripe", card.CreatePaymentSession.Provider, "a company that pays now pays by card")
		assert.NotEmpty(t, card.CreatePaymentSession.ClientSecret)
	})
}
