package checkout_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/payment/paymenttest"
	"github.com/dakkah/cityos/testenv"
)

// These tests pay through paymenttest.Processor, which keeps the amounts, statuses and
// metadata of its sessions; the Stripe provider itself is tested against stripe-mock in
// package payment.

func withProcessor(db *testenv.DB) (*checkout.Service, *paymenttest.Processor) {
	proc := paymenttest.New()
	return checkout.New(db.Client, payment.NewRegistry(proc, payment.Manual{})), proc
}

func setQuantity(t *testing.T, db *testenv.DB, c *ent.Cart, quantity int) {
	t.Helper()
	require.NoError(t, db.Client.LineItem.Update().Where(lineitem.CartID(c.ID)).SetQuantity(quantity).Exec(ct.Sys()))
}

func requireCode(t *testing.T, err error, code apperr.Code) *apperr.Error {
	t.Helper()
	require.Error(t, err)
	e, ok := apperr.As(err)
	require.True(t, ok, "%v", err)
	require.Equal(t, code, e.Code, e.Message)
	return e
}

// A storefront's card payment: a session for the cart's total, refreshed when the total
// changes; completion refused until the browser confirmed it, and refused for a total
// the session does not pay; then the order, paid by that session.
func TestPaymentSessionFlow(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc, proc := withProcessor(db)
		cart1 := ct.Ready(t, c)
		shopper := ct.Shopper(c.StoreA1)

		_, err := svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
		assert.Equal(t, "payment", requireCode(t, err, apperr.BadUserInput).Field, "a card payment needs a session")
		assertNothingPlaced(t, c, cart1, 0)

		s, err := svc.CreatePaymentSession(shopper, cart1.Token, "")
		require.NoError(t, err)
		assert.Equal(t, "stripe", s.Provider, "the default provider")
		assert.NotEmpty(t, s.ClientSecret)
		assert.Equal(t, "SAR", s.CurrencyCode)
		assert.Equal(t, payment.StatusRequiresPaymentMethod, s.Status)
		stored, err := db.Client.Cart.Get(ct.Sys(), cart1.ID)
		require.NoError(t, err)
		assert.Equal(t, "stripe", stored.PaymentProvider)
		assert.Equal(t, s.ID, stored.PaymentSessionID)
		assert.Equal(t, s.Amount, stored.PaymentAmount)
		assert.Equal(t, cart1.Revision+1, stored.Revision, "a new session moves the revision: a checkout that checked the old one does not place on it")
		one := s.Amount

		// Not confirmed yet, or waiting for 3-D Secure: the client is told to confirm.
		for _, status := range []string{payment.StatusRequiresPaymentMethod, payment.StatusRequiresAction} {
			proc.Set(s.ID, status, 0)
			_, err = svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
			e := requireCode(t, err, payment.RequiresAction)
			assert.Equal(t, status, e.Details["paymentStatus"])
			assert.Equal(t, s.ClientSecret, e.Details["clientSecret"])
		}
		proc.Set(s.ID, payment.StatusProcessing, 0)
		_, err = svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
		requireCode(t, err, payment.Pending)
		assertNothingPlaced(t, c, cart1, 0)
		proc.Set(s.ID, payment.StatusRequiresPaymentMethod, 0)

		// The total changes before confirmation: the same session, for the new total.
		setQuantity(t, db, cart1, 2)
		two, err := svc.CreatePaymentSession(shopper, cart1.Token, "")
		require.NoError(t, err)
		assert.Equal(t, s.ID, two.ID)
		assert.Greater(t, two.Amount, one)
		assert.Equal(t, 1, proc.Opened)

		// Confirmed for two units, then the shopper goes back to one: refused.
		proc.Confirm(two.ID)
		setQuantity(t, db, cart1, 1)
		_, err = svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
		requireCode(t, err, apperr.Conflict)
		assertNothingPlaced(t, c, cart1, 0)

		// A new session for one unit replaces the held one, which is let go.
		three, err := svc.CreatePaymentSession(shopper, cart1.Token, "")
		require.NoError(t, err)
		assert.NotEqual(t, two.ID, three.ID)
		assert.Equal(t, one, three.Amount)
		old, err := proc.Session(shopper, two.ID)
		require.NoError(t, err)
		assert.Equal(t, payment.StatusCanceled, old.Status)

		proc.Confirm(three.ID)
		o, err := svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
		require.NoError(t, err)
		assert.Equal(t, "stripe", o.PaymentProvider)
		assert.Equal(t, order.PaymentStatusAuthorized, o.PaymentStatus)
		assert.Equal(t, three.ID, o.PaymentReference)
		assert.Equal(t, three.Amount, o.Total)
		assert.Equal(t, 1, ct.Stock(t, c, "thobe").ReservedQuantity)

		// The completed cart: its order for a retry, no new session.
		again, err := svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
		require.NoError(t, err)
		assert.Equal(t, o.ID, again.ID)
		_, err = svc.CreatePaymentSession(shopper, cart1.Token, "")
		requireCode(t, err, apperr.Conflict)
	})
}

// The session must be this cart's, in its currency; a captured one places a captured
// order; only a configured provider opens one; only whoever reaches the cart.
func TestPaymentSessionChecks(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc, proc := withProcessor(db)
		shopper := ct.Shopper(c.StoreA1)

		cart1 := ct.Ready(t, c)
		s, err := svc.CreatePaymentSession(shopper, cart1.Token, "stripe")
		require.NoError(t, err)
		proc.Confirm(s.ID)
		proc.SetMetadata(s.ID, "cart_id", "1")
		_, err = svc.Complete(shopper, cart1.Token, "k1", checkout.Edges{})
		requireCode(t, err, apperr.Conflict)
		assertNothingPlaced(t, c, cart1, 0)

		_, err = svc.CreatePaymentSession(shopper, cart1.Token, "paypal")
		assert.Equal(t, "provider", requireCode(t, err, apperr.BadUserInput).Field)
		_, err = svc.CreatePaymentSession(ct.Shopper(c.StoreB1), cart1.Token, "")
		requireCode(t, err, apperr.NotFound)

		cart2 := ct.Build(t, c, ct.Cart{Items: []ct.Item{ct.Of("abaya", 1)}})
		s2, err := svc.CreatePaymentSession(shopper, cart2.Token, "")
		require.NoError(t, err)
		proc.Set(s2.ID, payment.StatusSucceeded, 0)
		o, err := svc.Complete(shopper, cart2.Token, "k2", checkout.Edges{})
		require.NoError(t, err)
		assert.Equal(t, order.PaymentStatusCaptured, o.PaymentStatus)
	})
}

// Cash on delivery: a manual session (or none, where manual is the default) is
// authorised by checkout as before.
func TestManualPaymentSession(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc, proc := withProcessor(db)
		shopper := ct.Shopper(c.StoreA1)
		cart1 := ct.Ready(t, c)
		s, err := svc.CreatePaymentSession(shopper, cart1.Token, "manual")
		require.NoError(t, err)
		assert.Equal(t, "manual", s.Provider)
		assert.Equal(t, payment.StatusReady, s.Status)
		assert.Empty(t, s.ID)
		assert.Empty(t, s.ClientSecret)
		assert.Positive(t, s.Amount)
		assert.Zero(t, proc.Opened, "nothing asked of the card processor")
		o, err := svc.Complete(shopper, cart1.Token, "k", checkout.Edges{})
		require.NoError(t, err)
		assert.Equal(t, "manual", o.PaymentProvider)
		assert.Equal(t, order.PaymentStatusAuthorized, o.PaymentStatus)
		assert.Equal(t, s.Amount, o.Total)

		// A Stripe session, then the shopper picks cash on delivery: the card hold goes.
		cart3 := ct.Ready(t, c)
		card, err := svc.CreatePaymentSession(shopper, cart3.Token, "")
		require.NoError(t, err)
		proc.Confirm(card.ID)
		_, err = svc.CreatePaymentSession(shopper, cart3.Token, "manual")
		require.NoError(t, err)
		assert.True(t, proc.Voided[card.ID])
		o3, err := svc.Complete(shopper, cart3.Token, "k3", checkout.Edges{})
		require.NoError(t, err)
		assert.Equal(t, "manual", o3.PaymentProvider)

		manualFirst := checkout.New(db.Client, payment.NewRegistry(payment.Manual{}, proc))
		o2, err := manualFirst.Complete(shopper, ct.Ready(t, c).Token, "k2", checkout.Edges{})
		require.NoError(t, err)
		assert.Equal(t, "manual", o2.PaymentProvider, "no session: the default provider")
	})
}
