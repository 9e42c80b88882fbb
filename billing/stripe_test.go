package billing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// stripeFixture is the fixture with tenants billed through Stripe Billing, against
// stripe-mock, and the plans' Stripe prices.
func stripeFixture(t *testing.T, db *testenv.DB) *testenv.Fixture {
	t.Helper()
	cfg := testenv.Config()
	cfg.BillingProvider, cfg.StripeSecretKey, cfg.StripeAPIBase = "stripe", "sk_test_billing", testenv.StripeMock(t)
	f := testenv.NewFixtureWith(t, db, cfg)
	plans(t, f)
	sa := f.As(testenv.SuperAdmin)
	for k, price := range map[string]string{"basic": "price_basic", "pro": "price_pro"} {
		f.API.MustDo(t, sa, setPlanQ, vars{"k": k, "in": vars{"stripePriceId": price}})
	}
	return f
}

// With Stripe Billing the tenant becomes a Stripe customer with a subscription to its
// plan's price; a plan change swaps the price (Stripe prorates and invoices it), and
// billing records no invoice of its own.
func TestStripeBillingAgainstStripeMock(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := stripeFixture(t, db)
		sa, ta := f.As(testenv.SuperAdmin), f.As(testenv.TenantAdminA)
		a := testenv.ID(f.TenantA.ID)
		var out struct {
			SubscribeTenant struct {
				Status, Provider                           string
				ProviderCustomerID, ProviderSubscriptionID *string
			}
		}
		f.API.MustDo(t, sa, `mutation($t: ID!) { subscribeTenant(tenantId: $t, plan: pro) { status provider providerCustomerID providerSubscriptionID } }`,
			vars{"t": a}).Decode(t, &out)
		s := out.SubscribeTenant
		assert.Equal(t, "active", s.Status)
		assert.Equal(t, "stripe", s.Provider)
		require.NotNil(t, s.ProviderCustomerID)
		require.NotNil(t, s.ProviderSubscriptionID)
		assert.Regexp(t, `^cus_`, *s.ProviderCustomerID)
		assert.Regexp(t, `^sub_`, *s.ProviderSubscriptionID)

		f.API.MustDo(t, ta, changeQ, vars{"t": a, "p": "basic"})
		sub := subscription(t, f, ta, f.TenantA.ID)
		assert.Equal(t, "basic", sub.Plan.Key)
		assert.Empty(t, sub.Invoices, "Stripe invoices the period and the proration itself")

		// A plan without a Stripe price cannot be billed through Stripe.
		f.API.MustDo(t, sa, setPlanQ, vars{"k": "enterprise", "in": vars{"name": "Enterprise", "price": 49900, "currencyCode": "USD"}})
		r := f.API.Do(t, ta, changeQ, vars{"t": a, "p": "enterprise"})
		testenv.RequireError(t, r, "BAD_USER_INPUT", "plan")
		assert.Equal(t, "basic", subscription(t, f, ta, f.TenantA.ID).Plan.Key)
	})
}
