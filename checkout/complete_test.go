package checkout_test

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/reservation"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

// The shared test helpers (package testenv), under the names this package's tests use.
var (
	atoi = testenv.Atoi
)

const completeQ = `mutation($c: ID!, $k: String!) {
  completeCart(cartId: $c, idempotencyKey: $k) {
    id displayID status paymentStatus fulfillmentStatus currencyCode email paymentProvider shippingMethod
    subtotal shippingTotal taxTotal total refundedTotal
    store { id }
    items { title sku quantity unitPrice total }
    lines: items { sku }
    fulfillments { id }
    shippingAddress { city }
  }
}`

type placed struct {
	ID, Status, PaymentStatus, FulfillmentStatus, CurrencyCode, Email, PaymentProvider, ShippingMethod string
	DisplayID                                                                                          int
	Subtotal, ShippingTotal, TaxTotal, Total, RefundedTotal                                            int64
	Store                                                                                              struct{ ID string }
	Items                                                                                              []struct {
		Title, Sku       string
		Quantity         int
		UnitPrice, Total int64
	}
	Lines           []struct{ Sku string }
	Fulfillments    []struct{ ID string }
	ShippingAddress *struct{ City string }
}

func complete(t *testing.T, c *testenv.Commerce, h testenv.Headers, cartToken int, key string) placed {
	t.Helper()
	var out struct{ CompleteCart placed }
	c.API.MustDo(t, h, completeQ, map[string]any{"c": ct.ID(cartToken), "k": key}).Decode(t, &out)
	return out.CompleteCart
}

func completeCode(t *testing.T, c *testenv.Commerce, h testenv.Headers, cartToken int, key string) (code, field string) {
	t.Helper()
	r := c.API.Do(t, h, completeQ, map[string]any{"c": ct.ID(cartToken), "k": key})
	require.NotEmpty(t, r.Errors, "expected an error, got %s", r.Data)
	field, _ = r.Errors[0].Extensions["field"].(string)
	return r.Code(), field
}

func TestCompleteCartPlacesOrder(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		guestA1 := ct.Guest(c, c.StoreA1)

		cart1 := ct.Ready(t, c, ct.Of("thobe", 2))
		o := complete(t, c, guestA1, cart1.Token, "key-1")
		assert.Equal(t, 1, o.DisplayID)
		assert.Equal(t, "pending", o.Status)
		assert.Equal(t, "authorized", o.PaymentStatus)
		assert.Equal(t, "not_fulfilled", o.FulfillmentStatus)
		assert.Equal(t, "SAR", o.CurrencyCode)
		assert.Equal(t, "shopper@example.test", o.Email)
		assert.Equal(t, "manual", o.PaymentProvider)
		assert.Equal(t, "Standard", o.ShippingMethod)
		assert.Equal(t, ct.ID(c.StoreA1.ID), o.Store.ID)
		// SAR prices include 15% VAT: 2 × 250.00 + 25.00 shipping, of which 68.48 is tax.
		assert.Equal(t, []int64{50000, 2500, 6848, 52500, 0}, []int64{o.Subtotal, o.ShippingTotal, o.TaxTotal, o.Total, o.RefundedTotal})
		require.Len(t, o.Items, 1)
		assert.Equal(t, "SKU-thobe", o.Items[0].Sku)
		assert.Equal(t, 2, o.Items[0].Quantity)
		assert.Equal(t, []int64{25000, 50000}, []int64{o.Items[0].UnitPrice, o.Items[0].Total})
		require.Len(t, o.Lines, 1, "an aliased edge is loaded too")
		assert.Empty(t, o.Fulfillments)
		assert.Nil(t, o.ShippingAddress, "a guest is neither the order's customer nor staff")

		l := ct.Stock(t, c, "thobe")
		assert.Equal(t, 2, l.ReservedQuantity)
		assert.Equal(t, 10, l.StockedQuantity)
		id := atoi(t, o.ID)
		n, err := db.Client.Reservation.Query().Where(reservation.OrderID(id)).Count(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)

		saved, err := db.Client.Order.Get(ct.Sys(), id)
		require.NoError(t, err)
		assert.NotEmpty(t, saved.PaymentReference)
		require.NotNil(t, saved.CartID)
		assert.Equal(t, cart1.ID, *saved.CartID)
		require.NotNil(t, saved.ShippingAddress)
		assert.Equal(t, "Riyadh", saved.ShippingAddress.City)
		done, err := db.Client.Cart.Get(ct.Sys(), cart1.ID)
		require.NoError(t, err)
		assert.NotNil(t, done.CompletedAt)

		// One event for the order: order.placed, the order as it committed, numbered and
		// authorised: the manual provider decides at once, so the order is written
		// authorised and nothing changes it after (a processor's authorisation is an
		// update in the same transaction, folded into the event: see
		// TestProcessorAuthorisesAfterStock).
		events, err := db.Client.OutboxEvent.Query().Where(outboxevent.AggregateType("order")).All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, events, 1)
		assert.Equal(t, outbox.OrderPlaced, events[0].Topic)
		require.NotNil(t, events[0].TenantID)
		assert.Equal(t, c.TenantA.ID, *events[0].TenantID)
		assert.Equal(t, id, events[0].AggregateID)
		assert.Equal(t, int64(1), events[0].Sequence)
		assert.Equal(t, saved.Version, events[0].Sequence, "nothing changed the order after it")
		assert.EqualValues(t, id, events[0].Payload["id"])
		assert.EqualValues(t, 1, events[0].Payload["display_id"])
		assert.Equal(t, "authorized", events[0].Payload["payment_status"])
		// Its audit record: the creation, number and authorisation included.
		logs, err := db.Client.AuditLog.Query().Where(auditlog.EntityType("Order"), auditlog.EntityID(id)).
			Order(auditlog.ByID()).All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, logs, 1)
		assert.Equal(t, "create", logs[0].Action)
		assert.Equal(t, map[string]any{"after": float64(1)}, logs[0].Diff["display_id"])
		assert.Equal(t, map[string]any{"after": "authorized"}, logs[0].Diff["payment_status"])

		// Display numbers count per store.
		assert.Equal(t, 2, complete(t, c, guestA1, ct.Ready(t, c).Token, "key-2").DisplayID)
		a2 := ct.Build(t, c, ct.Cart{Store: c.StoreA2, Items: []ct.Item{ct.Of("hijab", 1)}})
		assert.Equal(t, 1, complete(t, c, ct.Guest(c, c.StoreA2), a2.Token, "key-a2").DisplayID,
			"another store starts at 1")

		// Exclusive tax (AED, 5%) is added on top: 240.00 + 20.00 shipping + 13.00 tax.
		aed := ct.Build(t, c, ct.Cart{Region: c.AED})
		o = complete(t, c, guestA1, aed.Token, "key-aed")
		assert.Equal(t, []int64{24000, 2000, 1300, 27300}, []int64{o.Subtotal, o.ShippingTotal, o.TaxTotal, o.Total})
		assert.Equal(t, 3, o.DisplayID)
	})
}

func TestCompleteCartIsIdempotent(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		guest := ct.Guest(c, c.StoreA1)
		cart1 := ct.Ready(t, c)
		first := complete(t, c, guest, cart1.Token, "same-key")
		again := complete(t, c, guest, cart1.Token, "same-key")
		assert.Equal(t, first.ID, again.ID, "the same key answers the same order")
		assert.Equal(t, first.Total, again.Total)
		require.Len(t, again.Items, 1)
		n, err := db.Client.Order.Query().Count(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		assert.Equal(t, 1, ct.Stock(t, c, "thobe").ReservedQuantity, "stock is reserved once")

		code, _ := completeCode(t, c, guest, cart1.Token, "other-key")
		assert.Equal(t, "CONFLICT", code, "a completed cart is not completed again under another key")
		events, err := db.Client.OutboxEvent.Query().Where(outboxevent.Topic(outbox.OrderPlaced)).Count(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, 1, events)
	})
}

func TestCompleteCartRefusesWhatIsMissing(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		guest := ct.Guest(c, c.StoreA1)
		for _, missing := range []string{"items", "email", "shippingAddress", "shippingMethod"} {
			cart := ct.Build(t, c, ct.Cart{Without: missing})
			code, field := completeCode(t, c, guest, cart.Token, "k-"+missing)
			assert.Equal(t, "BAD_USER_INPUT", code, missing)
			assert.Equal(t, missing, field)
		}
		ready := ct.Ready(t, c)
		for _, key := range []string{"", strings.Repeat("k", checkout.MaxIdempotencyKey+1)} {
			code, field := completeCode(t, c, guest, ready.Token, key)
			assert.Equal(t, "BAD_USER_INPUT", code)
			assert.Equal(t, "idempotencyKey", field)
		}
		code, _ := completeCode(t, c, guest, ct.NewToken(), "k")
		assert.Equal(t, "NOT_FOUND", code, "no such cart")
		code, _ = completeCode(t, c, ct.Guest(c, c.StoreA2), ready.Token, "k")
		assert.Equal(t, "NOT_FOUND", code, "a cart of another store is not reachable from this one")
		cartB := ct.Build(t, c, ct.Cart{Store: c.StoreB1})
		code, _ = completeCode(t, c, guest, cartB.Token, "k")
		assert.Equal(t, "NOT_FOUND", code, "nor a cart of another tenant")
		code, _ = completeCode(t, c, c.As(testenv.Anonymous), ready.Token, "k")
		assert.Equal(t, "BAD_USER_INPUT", code, "a guest whose request names no store is asked for one")

		n, err := db.Client.Order.Query().Count(ct.Sys())
		require.NoError(t, err)
		assert.Zero(t, n)
		// The key may be at most as long as allowed.
		o := complete(t, c, guest, ready.Token, strings.Repeat("k", checkout.MaxIdempotencyKey))
		assert.Equal(t, 1, o.DisplayID)
	})
}

func TestOutOfStockRollsEverythingBack(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		guest := ct.Guest(c, c.StoreA1)
		cart1 := ct.Ready(t, c, ct.Of("thobe", 1), ct.Of("abaya", 4)) // 3 abayas in stock
		code, _ := completeCode(t, c, guest, cart1.Token, "k")
		assert.Equal(t, "CONFLICT", code)
		assertNothingPlaced(t, c, cart1, 1)

		// Fixed, the same cart completes, with the store's next number: the failed
		// checkout's number 1 is a gap.
		require.NoError(t, db.Client.LineItem.Update().Where(lineitem.CartID(cart1.ID)).SetQuantity(1).Exec(ct.Sys()))
		o := complete(t, c, guest, cart1.Token, "k")
		assert.Equal(t, 2, o.DisplayID)
		assert.Equal(t, 1, ct.Stock(t, c, "abaya").ReservedQuantity)
	})
}

// declining refuses every authorisation.
type declining struct{ payment.Manual }

func (declining) Name() string { return "declining" }
func (declining) Authorize(context.Context, payment.AuthorizeRequest) (string, error) {
	return "", apperr.Invalid("payment", "declined")
}

func TestDeclinedPaymentRollsEverythingBack(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := checkout.New(db.Client, payment.NewRegistry(declining{}))
		cart1 := ct.Ready(t, c, ct.Of("thobe", 3))
		_, err := svc.Complete(ct.Shopper(c.StoreA1), cart1.Token, "k", checkout.Edges{})
		require.Error(t, err)
		assert.Equal(t, apperr.BadUserInput, apperr.CodeOf(err))
		assertNothingPlaced(t, c, cart1, 1)
	})
}

// recording authorises every payment, as a processor would (it is not payment.Local:
// checkout authorises once the stock is held), and remembers what it authorised and
// voided.
type recording struct {
	payment.Authorizer // payment.Manual, for what it does not record
	mu                 sync.Mutex
	authorized, voided []string
}

func (r *recording) Authorize(ctx context.Context, req payment.AuthorizeRequest) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ref := "auth-" + req.IdempotencyKey
	r.authorized = append(r.authorized, ref)
	return ref, nil
}

func (r *recording) Void(_ context.Context, ref string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.voided = append(r.voided, ref)
	return nil
}

// Stock is reserved before the payment is authorised: a checkout short of stock never
// reaches the processor (whose idempotency key a retry reuses).
func TestOutOfStockNeverAuthorises(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		provider := &recording{Authorizer: payment.Manual{}}
		svc := checkout.New(db.Client, payment.NewRegistry(provider))
		cart1 := ct.Ready(t, c, ct.Of("abaya", 4)) // 3 in stock
		_, err := svc.Complete(ct.Shopper(c.StoreA1), cart1.Token, "k", checkout.Edges{})
		require.Equal(t, apperr.Conflict, apperr.CodeOf(err), "%v", err)
		assertNothingPlaced(t, c, cart1, 1)
		assert.Empty(t, provider.authorized)
		assert.Empty(t, provider.voided)
	})
}

// A processor's authorisation (not payment.Local) comes once the stock is held: the
// order is written not paid, then updated in the same transaction. Its audit log keeps
// both steps; its one event, order.placed, carries the order as it committed.
func TestProcessorAuthorisesAfterStock(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		provider := &recording{Authorizer: payment.Manual{}}
		svc := checkout.New(db.Client, payment.NewRegistry(provider))
		cart1 := ct.Ready(t, c, ct.Of("abaya", 1))
		o, err := svc.Complete(ct.Shopper(c.StoreA1), cart1.Token, "k", checkout.Edges{})
		require.NoError(t, err)
		ref := "auth-cart-" + strconv.Itoa(cart1.ID) + ":k"
		assert.Equal(t, []string{ref}, provider.authorized)
		saved, err := db.Client.Order.Get(ct.Sys(), o.ID)
		require.NoError(t, err)
		assert.Equal(t, "authorized", string(saved.PaymentStatus))
		assert.Equal(t, ref, saved.PaymentReference)
		assert.Equal(t, int64(2), saved.Version)

		logs, err := db.Client.AuditLog.Query().Where(auditlog.EntityType("Order"), auditlog.EntityID(o.ID)).
			Order(auditlog.ByID()).All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, logs, 2)
		assert.Equal(t, []string{"create", "update"}, []string{logs[0].Action, logs[1].Action})
		assert.Equal(t, map[string]any{"after": "not_paid"}, logs[0].Diff["payment_status"])
		assert.Equal(t, map[string]any{"before": "not_paid", "after": "authorized"}, logs[1].Diff["payment_status"])

		events, err := db.Client.OutboxEvent.Query().Where(outboxevent.AggregateType("order")).All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, events, 1)
		assert.Equal(t, outbox.OrderPlaced, events[0].Topic)
		assert.Equal(t, int64(2), events[0].Sequence)
		assert.Equal(t, "authorized", events[0].Payload["payment_status"])
		assert.Equal(t, ref, events[0].Payload["payment_reference"])
	})
}

// assertNothingPlaced checks cart1's failed checkouts left nothing behind but the
// numbersTaken order numbers they used up (a checkout failing in its transaction took
// its number before it: a gap).
func assertNothingPlaced(t *testing.T, c *testenv.Commerce, cart1 *ent.Cart, numbersTaken int) {
	t.Helper()
	cl := c.API.DB.Client
	n, err := cl.Order.Query().Count(ct.Sys())
	require.NoError(t, err)
	assert.Zero(t, n, "no order")
	got, err := cl.Cart.Get(ct.Sys(), cart1.ID)
	require.NoError(t, err)
	assert.Nil(t, got.CompletedAt, "the cart is still open")
	for _, h := range []string{"thobe", "abaya"} {
		assert.Zero(t, ct.Stock(t, c, h).ReservedQuantity, "%s: nothing reserved", h)
	}
	store, err := cl.Store.Get(ct.Sys(), cart1.StoreID)
	require.NoError(t, err)
	assert.Equal(t, numbersTaken, store.OrderSeq, "numbers taken, each a gap")
	events, err := cl.OutboxEvent.Query().Where(outboxevent.AggregateType("order")).Count(ct.Sys())
	require.NoError(t, err)
	assert.Zero(t, events, "no event")
	_, err = cl.Cart.Query().Where(cart.ID(cart1.ID), cart.CompletedAtNotNil()).Only(ct.Sys())
	assert.True(t, ent.IsNotFound(err))
}

func TestConcurrentCheckoutsNeverOversell(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		ct.SetStock(t, c, "thobe", 5)
		svc := c.API.App.Checkout
		const buyers = 100
		carts := make([]*ent.Cart, buyers)
		for i := range carts {
			carts[i] = ct.Ready(t, c)
		}
		type result struct {
			order *ent.Order
			err   error
		}
		results := make(chan result, buyers)
		start := make(chan struct{})
		for i := range carts {
			go func(cart *ent.Cart, key string) {
				<-start
				o, err := svc.Complete(ct.Shopper(c.StoreA1), cart.Token, key, checkout.Edges{})
				results <- result{o, err}
			}(carts[i], "buyer-"+ct.ID(i))
		}
		close(start)
		seen := map[int]bool{}
		var soldOut int
		// Every checkout takes its number before its transaction: a loser's is a gap.
		for range buyers {
			r := <-results
			switch {
			case r.err == nil:
				assert.False(t, seen[r.order.DisplayID], "display id %d given twice", r.order.DisplayID)
				seen[r.order.DisplayID] = true
			case apperr.CodeOf(r.err) == apperr.Conflict:
				soldOut++
			default:
				t.Errorf("unexpected error: %v", r.err)
			}
		}
		assert.Len(t, seen, 5, "exactly as many orders as units")
		assert.Equal(t, buyers-5, soldOut)
		store, err := db.Client.Store.Get(ct.Sys(), c.StoreA1.ID)
		require.NoError(t, err)
		assert.LessOrEqual(t, store.OrderSeq, buyers, "one number at most per checkout")
		for id := range seen {
			assert.True(t, id >= 1 && id <= store.OrderSeq, "display id %d was taken from the counter (at %d)", id, store.OrderSeq)
		}
		l := ct.Stock(t, c, "thobe")
		assert.Equal(t, 5, l.ReservedQuantity)
		n, err := db.Client.Order.Query().Count(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, 5, n)
		open, err := db.Client.Cart.Query().Where(cart.CompletedAtIsNil()).Count(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, buyers-5, open, "the carts that lost stay open")
	})
}

func TestConcurrentRetriesPlaceOneOrder(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := c.API.App.Checkout
		cart1 := ct.Ready(t, c, ct.Of("thobe", 2))
		const calls = 20
		ids := make(chan int, calls)
		errs := make(chan error, calls)
		start := make(chan struct{})
		for range calls {
			go func() {
				<-start
				o, err := svc.Complete(ct.Shopper(c.StoreA1), cart1.Token, "retry-key", checkout.AllEdges)
				if err != nil {
					errs <- err
					return
				}
				assert.NotNil(t, o.Edges.Items)
				ids <- o.ID
			}()
		}
		close(start)
		got := map[int]int{}
		for range calls {
			select {
			case id := <-ids:
				got[id]++
			case err := <-errs:
				t.Errorf("a retry failed: %v", err)
			}
		}
		assert.Len(t, got, 1, "every call answers the same order")
		n, err := db.Client.Order.Query().Where(order.IdempotencyKey("retry-key")).Count(ct.Sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		assert.Equal(t, 2, ct.Stock(t, c, "thobe").ReservedQuantity)
	})
}
