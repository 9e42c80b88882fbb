package checkout_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/payment/paymenttest"
	"github.com/dakkah/cityos/testenv"
)

// paidCart is a ready cart whose session the browser confirmed.
func paidCart(t *testing.T, c *testenv.Commerce, svc *checkout.Service, confirm func(string)) (*ent.Cart, string) {
	t.Helper()
	cart1 := ct.Ready(t, c)
	s, err := svc.CreatePaymentSession(ct.Shopper(c.StoreA1), cart1.Token, "")
	require.NoError(t, err)
	confirm(s.ID)
	return cart1, s.ID
}

func ordersOf(t *testing.T, db *testenv.DB, cart1 *ent.Cart) []*ent.Order {
	t.Helper()
	os, err := db.Client.Order.Query().Where(order.CartID(cart1.ID)).All(ct.Sys())
	require.NoError(t, err)
	return os
}

// The processor's notice completes a paid cart whose shopper left, once however often
// it comes; the shopper completing it later gets that order, whatever its key.
func TestPaidCartIsCompletedByTheNotice(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc, proc := withProcessor(db)
		cart1, id := paidCart(t, c, svc, proc.Confirm)

		none, err := svc.CompletePaid(ct.Sys(), "stripe", "pi_no_cart")
		require.NoError(t, err)
		assert.Nil(t, none, "a session no cart has")

		o, err := svc.CompletePaid(ct.Sys(), "stripe", id)
		require.NoError(t, err)
		require.NotNil(t, o)
		assert.Equal(t, checkout.PaidKey(id), o.IdempotencyKey)
		assert.Equal(t, id, o.PaymentReference)
		again, err := svc.CompletePaid(ct.Sys(), "stripe", id)
		require.NoError(t, err)
		assert.Equal(t, o.ID, again.ID)
		mine, err := svc.Complete(ct.Shopper(c.StoreA1), cart1.Token, "shopper-key", checkout.Edges{})
		require.NoError(t, err)
		assert.Equal(t, o.ID, mine.ID)
		assert.Len(t, ordersOf(t, db, cart1), 1)
		assert.Equal(t, 1, ct.Stock(t, c, "thobe").ReservedQuantity)

		// Another tenant's shopper holding the token learns nothing of it.
		_, err = svc.Complete(ct.Shopper(c.StoreB1), cart1.Token, "shopper-key", checkout.Edges{})
		assert.Error(t, err)

		// A notice of a session never confirmed places nothing.
		cart2 := ct.Ready(t, c)
		s2, err := svc.CreatePaymentSession(ct.Shopper(c.StoreA1), cart2.Token, "")
		require.NoError(t, err)
		_, err = svc.CompletePaid(ct.Sys(), "stripe", s2.ID)
		assert.Error(t, err)
		assert.Empty(t, ordersOf(t, db, cart2))
	})
}

// The shopper's completeCart and the processor's notice, in either order and at once,
// place one order, and both answer it. Hooks hold each at the point where it has read
// the cart and is about to place the order.
func TestShopperAndNoticeRace(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		shopper := ct.Shopper(c.StoreA1)
		// One processor for the three: its session ids are unique, as Stripe's are.
		_, proc := withProcessor(db)
		withProcessor := func(db *testenv.DB) (*checkout.Service, *paymenttest.Processor) {
			return checkout.New(db.Client, payment.NewRegistry(proc, payment.Manual{})), proc
		}

		t.Run("the notice wins while the shopper is placing", func(t *testing.T) {
			svc, proc := withProcessor(db)
			cart1, id := paidCart(t, c, svc, proc.Confirm)
			var notice *ent.Order
			var fired atomic.Bool // the hook runs again inside itself: only the first time counts
			checkout.SetBeforePlace(svc, func() {
				if fired.CompareAndSwap(false, true) {
					var err error
					notice, err = svc.CompletePaid(ct.Sys(), "stripe", id)
					require.NoError(t, err)
				}
			})
			mine, err := svc.Complete(shopper, cart1.Token, "shopper-1", checkout.Edges{})
			require.NoError(t, err)
			require.NotNil(t, notice)
			assert.Equal(t, notice.ID, mine.ID)
			assert.Equal(t, checkout.PaidKey(id), mine.IdempotencyKey)
			assert.Len(t, ordersOf(t, db, cart1), 1)
		})

		t.Run("the shopper wins while the notice is placing", func(t *testing.T) {
			svc, proc := withProcessor(db)
			cart1, id := paidCart(t, c, svc, proc.Confirm)
			var mine *ent.Order
			var fired atomic.Bool
			checkout.SetBeforePlace(svc, func() {
				if fired.CompareAndSwap(false, true) {
					var err error
					mine, err = svc.Complete(shopper, cart1.Token, "shopper-2", checkout.Edges{})
					require.NoError(t, err)
				}
			})
			notice, err := svc.CompletePaid(ct.Sys(), "stripe", id)
			require.NoError(t, err)
			require.NotNil(t, mine)
			assert.Equal(t, mine.ID, notice.ID)
			assert.Equal(t, "shopper-2", notice.IdempotencyKey)
			assert.Len(t, ordersOf(t, db, cart1), 1)
		})

		t.Run("both at once", func(t *testing.T) {
			svc, proc := withProcessor(db)
			cart1, id := paidCart(t, c, svc, proc.Confirm)
			// Both wait here until both have read the open cart.
			var arrived sync.WaitGroup
			arrived.Add(2)
			checkout.SetBeforePlace(svc, func() { arrived.Done(); arrived.Wait() })
			var (
				wg             sync.WaitGroup
				mine, notice   *ent.Order
				errMe, errHook error
			)
			wg.Add(2)
			go func() {
				defer wg.Done()
				mine, errMe = svc.Complete(shopper, cart1.Token, "shopper-3", checkout.Edges{})
			}()
			go func() { defer wg.Done(); notice, errHook = svc.CompletePaid(ct.Sys(), "stripe", id) }()
			wg.Wait()
			require.NoError(t, errMe)
			require.NoError(t, errHook)
			assert.Equal(t, mine.ID, notice.ID)
			assert.Len(t, ordersOf(t, db, cart1), 1)
			assert.Equal(t, 3, ct.Stock(t, c, "thobe").ReservedQuantity, "one unit for each of the three carts of this test")
		})
	})
}
