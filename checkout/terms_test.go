package checkout_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/testenv"
)

const (
	termsCompleteQ = `mutation($c: ID!, $k: String!) { completeCart(cartId: $c, idempotencyKey: $k) { id paymentStatus paymentProvider paymentDueAt } }`
	termsApproveQ  = `mutation($id: ID!) { approveRequest(id: $id) { id paymentStatus paymentProvider paymentDueAt } }`
	captureQ       = `mutation($id: ID!) { capturePayment(orderId: $id) { id paymentStatus paymentDueAt } }`
)

type termsOrder struct {
	ID, PaymentStatus, PaymentProvider string
	PaymentDueAt                       *time.Time
}

// A company on net_30 terms is not charged at checkout: its buyers' orders (approved ones
// and accepted quotes too) are placed by invoice, not paid, due 30 days after they were
// placed, shipped before they are paid and counted in their limits; the store's staff
// record the payment with capturePayment, and no other tenant's can. A company that pays
// now pays as before.
func TestNet30CompanyIsInvoiced(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		placedAt := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
		clock := checkouttest.NewClock(placedAt)
		b := b2bAt(t, db, clock)
		require.NoError(t, db.Client.Company.UpdateOneID(b.Company.ID).SetPaymentTerms(company.PaymentTermsNet30).Exec(checkouttest.Sys()))
		due := placedAt.Add(30 * 24 * time.Hour)

		var out struct{ CompleteCart termsOrder }
		b.API.MustDo(t, b.Buyer1.In(b.StoreA1), termsCompleteQ,
			map[string]any{"c": checkouttest.ID(b.Cart(t, b.Buyer1, checkouttest.Of("thobe", 3)).Token), "k": "k1"}).Decode(t, &out)
		o := out.CompleteCart
		assert.Equal(t, "invoice", o.PaymentProvider)
		assert.Equal(t, "not_paid", o.PaymentStatus)
		require.NotNil(t, o.PaymentDueAt)
		assert.True(t, due.Equal(*o.PaymentDueAt), "due 30 days after it was placed, got %v", o.PaymentDueAt)

		// The invoiced 775.00 counts in Buyer1's 1,000.00: the next thobe waits for approval,
		// and the approved order is invoiced too.
		_, r := checkoutAs(t, b, b.Buyer1, b.Cart(t, b.Buyer1), "k2")
		id := awaiting(t, r, "over_limit")
		var approved struct{ ApproveRequest termsOrder }
		b.API.MustDo(t, b.Admin.Headers, termsApproveQ, map[string]any{"id": id}).Decode(t, &approved)
		assert.Equal(t, "invoice", approved.ApproveRequest.PaymentProvider)
		assert.Equal(t, "not_paid", approved.ApproveRequest.PaymentStatus)
		assert.NotNil(t, approved.ApproveRequest.PaymentDueAt)

		// So is an accepted quote.
		q, _ := requestQuote(t, b, b.Buyer2)
		b.API.MustDo(t, b.As(testenv.ManagerA1), respondQ, map[string]any{"id": q.ID, "p": []map[string]any{{"line": 1, "unitPrice": 20000}}, "m": "200.00"})
		var accepted struct{ AcceptQuote termsOrder }
		b.API.MustDo(t, b.Buyer2.Headers, `mutation($id: ID!) { acceptQuote(id: $id) { id paymentStatus paymentProvider paymentDueAt } }`,
			map[string]any{"id": q.ID}).Decode(t, &accepted)
		assert.Equal(t, "invoice", accepted.AcceptQuote.PaymentProvider)
		assert.Equal(t, "not_paid", accepted.AcceptQuote.PaymentStatus)
		assert.NotNil(t, accepted.AcceptQuote.PaymentDueAt)

		// Staff record the payment; another tenant's cannot, nor can the buyer.
		testenv.RequireError(t, b.API.Do(t, b.As(testenv.TenantAdminB), captureQ, map[string]any{"id": o.ID}), "NOT_FOUND")
		testenv.RequireError(t, b.API.Do(t, b.As(testenv.SecretB), captureQ, map[string]any{"id": o.ID}), "NOT_FOUND")
		r = b.API.Do(t, b.Buyer1.Headers, captureQ, map[string]any{"id": o.ID})
		require.NotEmpty(t, r.Errors, "a buyer does not record its own payment")
		var packed struct {
			CreateFulfillment struct{ FulfillmentStatus string }
		}
		b.API.MustDo(t, b.As(testenv.ManagerA1), `mutation($id: ID!) { createFulfillment(orderId: $id) { fulfillmentStatus } }`,
			map[string]any{"id": o.ID}).Decode(t, &packed)
		assert.Equal(t, "fulfilled", packed.CreateFulfillment.FulfillmentStatus, "an invoiced order ships before it is paid")
		var paid struct{ CapturePayment termsOrder }
		b.API.MustDo(t, b.As(testenv.ManagerA1), captureQ, map[string]any{"id": o.ID}).Decode(t, &paid)
		assert.Equal(t, "captured", paid.CapturePayment.PaymentStatus)
		testenv.RequireError(t, b.API.Do(t, b.As(testenv.ManagerA1), captureQ, map[string]any{"id": o.ID}), "CONFLICT")

		// Globex pays now: charged at checkout as any shopper, no due date.
		var now struct{ CompleteCart termsOrder }
		b.API.MustDo(t, b.OtherBuyer.In(b.StoreA1), termsCompleteQ,
			map[string]any{"c": checkouttest.ID(b.Cart(t, b.OtherBuyer).Token), "k": "k"}).Decode(t, &now)
		assert.Equal(t, "manual", now.CompleteCart.PaymentProvider)
		assert.Equal(t, "authorized", now.CompleteCart.PaymentStatus)
		assert.Nil(t, now.CompleteCart.PaymentDueAt)
	})
}
