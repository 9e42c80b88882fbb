package server_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func billingInvoice(id, subscription string) string {
	return fmt.Sprintf(`{"id": %q, "object": "invoice", "amount_due": 9900, "amount_paid": 9900, "currency": "usd",
		"period_start": 1764579600, "period_end": 1767258000,
		"parent": {"type": "subscription_details", "subscription_details": {"subscription": %q}}}`, id, subscription)
}

func billingSubscription(id, status string) string {
	return fmt.Sprintf(`{"id": %q, "object": "subscription", "status": %q}`, id, status)
}

// stripeEventAt is a Stripe event created at created (seconds): Stripe's order of events.
func stripeEventAt(id, typ, object string, created int64) []byte {
	return []byte(fmt.Sprintf(`{"id": %q, "object": "event", "type": %q, "api_version": "2025-03-31.basil", "created": %d, "data": {"object": %s}}`,
		id, typ, created, object))
}

// Stripe Billing's webhooks, verified, move a tenant's subscription: a failed payment
// makes it past due (and, past the grace period, the billing run suspends the tenant); a
// paid invoice reactivates it; subscription updates follow Stripe's status unless older
// than what was applied; a deletion cancels. Every event is applied once, however often
// Stripe delivers it.
func TestStripeBillingWebhook(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		cfg := testenv.Config()
		cfg.StripeWebhookSecret, cfg.BillingProvider = webhookSecret, "stripe"
		cfg.StripeSecretKey, cfg.StripeAPIBase = "sk_test_billing", testenv.StripeMock(t)
		f := testenv.NewFixtureWith(t, db, cfg)
		api, sys := f.API, viewer.SystemContext(context.Background(), "test")
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		api.App.Billing.Now = func() time.Time { return now }
		_, err := api.App.Billing.SetPlan(sys, plan.KeyPro, billing.PlanInput{Name: ptr("Pro"), StripePriceID: ptr("price_pro")})
		require.NoError(t, err)
		var out struct {
			SubscribeTenant struct{ ProviderSubscriptionID string }
		}
		api.MustDo(t, f.As(testenv.SuperAdmin), `mutation($t: ID!) { subscribeTenant(tenantId: $t, plan: pro) { providerSubscriptionID } }`,
			map[string]any{"t": testenv.ID(f.TenantA.ID)}).Decode(t, &out)
		subID := out.SubscribeTenant.ProviderSubscriptionID
		require.NotEmpty(t, subID)

		send := func(payload []byte) {
			t.Helper()
			require.Equal(t, 200, postWebhook(api.Handler, payload, sign(payload, webhookSecret, time.Now())))
		}
		state := func() (tenantsubscription.Status, tenant.Status, int) {
			t.Helper()
			s, err := db.Client.TenantSubscription.Query().Where(tenantsubscription.TenantID(f.TenantA.ID)).Only(sys)
			require.NoError(t, err)
			tn, err := db.Client.Tenant.Get(sys, f.TenantA.ID)
			require.NoError(t, err)
			n, err := db.Client.OutboxEvent.Query().Where(outboxevent.TopicHasPrefix("tenant_subscription."),
				outboxevent.TenantID(f.TenantA.ID)).Count(sys)
			require.NoError(t, err)
			return s.Status, tn.Status, n
		}
		_, _, before := state()

		// An invalid signature is refused and changes nothing.
		failed := stripeEventAt("evt_fail", "invoice.payment_failed", billingInvoice("in_1", subID), 100)
		require.Equal(t, 400, postWebhook(api.Handler, failed, sign(failed, "whsec_other", time.Now())))

		send(failed)
		send(failed) // Stripe retries
		s, ts, events := state()
		assert.Equal(t, tenantsubscription.StatusPastDue, s)
		assert.Equal(t, tenant.StatusActive, ts)
		assert.Equal(t, before+1, events, "the failure is applied once")

		now = now.Add(billing.DefaultGrace + time.Second)
		rep, err := api.App.Billing.Run(context.Background())
		require.NoError(t, err)
		assert.Equal(t, billing.Report{Suspended: 1}, rep)
		_, ts, _ = state()
		assert.Equal(t, tenant.StatusSuspended, ts)

		paid := stripeEventAt("evt_paid", "invoice.paid", billingInvoice("in_1", subID), 200)
		send(paid)
		send(paid)
		s, ts, events = state()
		assert.Equal(t, tenantsubscription.StatusActive, s)
		assert.Equal(t, tenant.StatusActive, ts, "the payment reactivates the tenant")
		assert.Equal(t, before+2, events, "the payment is applied once")
		invs, err := db.Client.TenantInvoice.Query().Where(tenantinvoice.TenantID(f.TenantA.ID)).All(sys)
		require.NoError(t, err)
		require.Len(t, invs, 1)
		assert.Equal(t, tenantinvoice.StatusPaid, invs[0].Status)
		assert.Equal(t, int64(9900), invs[0].Amount)

		// Stripe's later word wins; an older event delivered late changes nothing.
		send(stripeEventAt("evt_upd_2", "customer.subscription.updated", billingSubscription(subID, "past_due"), 300))
		send(stripeEventAt("evt_upd_1", "customer.subscription.updated", billingSubscription(subID, "active"), 250))
		s, _, _ = state()
		assert.Equal(t, tenantsubscription.StatusPastDue, s)
		send(stripeEventAt("evt_del", "customer.subscription.deleted", billingSubscription(subID, "canceled"), 400))
		s, _, _ = state()
		assert.Equal(t, tenantsubscription.StatusCanceled, s)

		// Another Stripe subscription's events are not a tenant's: acknowledged, ignored.
		send(stripeEventAt("evt_other", "invoice.paid", billingInvoice("in_9", "sub_not_a_tenant"), 500))
		n, err := db.Client.TenantInvoice.Query().Count(sys)
		require.NoError(t, err)
		assert.Equal(t, 1, n)
	})
}

func ptr[T any](v T) *T { return &v }
