package orders_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func TestOrderLifecycle(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		manager := c.As(testenv.ManagerA1)
		o := place(t, c, ct.Cart{Items: []ct.Item{ct.Of("thobe", 2)}})
		require.Equal(t, 2, ct.Stock(t, c, "thobe").ReservedQuantity)

		v := must(t, c, manager, "createFulfillment", o.ID, "")
		assert.Equal(t, "fulfilled", v.FulfillmentStatus)
		require.Len(t, v.Fulfillments, 1)
		assert.Nil(t, v.Fulfillments[0].ShippedAt)

		v = must(t, c, manager, "markShipped", o.ID, "")
		assert.Equal(t, "shipped", v.FulfillmentStatus)
		require.Len(t, v.Fulfillments, 1)
		assert.NotNil(t, v.Fulfillments[0].ShippedAt)
		l := ct.Stock(t, c, "thobe")
		assert.Equal(t, 0, l.ReservedQuantity, "shipped units are no longer reserved")
		assert.Equal(t, 8, l.StockedQuantity, "and have left the stock")
		events, err := db.Client.OutboxEvent.Query().Where(outboxevent.Topic(outbox.OrderShipped)).All(ct.Sys())
		require.NoError(t, err)
		require.Len(t, events, 1)
		assert.Equal(t, "order", events[0].AggregateType)
		assert.Equal(t, o.ID, events[0].AggregateID, "the order is the event's aggregate")
		assert.Equal(t, "shipped", events[0].Payload["fulfillment_status"], "and its snapshot the payload")

		v = must(t, c, manager, "markDelivered", o.ID, "")
		assert.Equal(t, "delivered", v.FulfillmentStatus)
		assert.NotNil(t, v.Fulfillments[0].DeliveredAt)
		assert.Equal(t, "pending", v.Status, "not paid yet: the order stays open")

		v = must(t, c, manager, "capturePayment", o.ID, "")
		assert.Equal(t, "captured", v.PaymentStatus)
		assert.Equal(t, "completed", v.Status, "delivered and paid")

		// Refunds are bounded by what was captured.
		admin := c.As(testenv.TenantAdminA)
		refused(t, c, admin, "BAD_USER_INPUT", "refundPayment", o.ID, amount(0))
		refused(t, c, admin, "BAD_USER_INPUT", "refundPayment", o.ID, amount(-5))
		refused(t, c, admin, "BAD_USER_INPUT", "refundPayment", o.ID, amount(o.Total+1))
		v = must(t, c, admin, "refundPayment", o.ID, amount(1000))
		assert.Equal(t, "partially_refunded", v.PaymentStatus)
		assert.EqualValues(t, 1000, v.RefundedTotal)
		refused(t, c, admin, "BAD_USER_INPUT", "refundPayment", o.ID, amount(o.Total-1000+1))
		v = must(t, c, admin, "refundPayment", o.ID, amount(o.Total-1000))
		assert.Equal(t, "refunded", v.PaymentStatus)
		assert.Equal(t, o.Total, v.RefundedTotal)
		refused(t, c, admin, "CONFLICT", "refundPayment", o.ID, amount(1))

		// Each step raised its event, the order's sequence counting up; refused steps
		// raised nothing.
		assert.Equal(t, []string{"order.placed", "order.fulfilled", "order.shipped", "order.delivered",
			"order.payment_captured", "order.payment_refunded", "order.payment_refunded"}, orderEvents(t, db, o.ID))
	})
}

// orderEvents lists the topics of order id's events, checking their sequence increases.
func orderEvents(t *testing.T, db *testenv.DB, id int) []string {
	t.Helper()
	evs, err := db.Client.OutboxEvent.Query().Where(outboxevent.AggregateType("order"), outboxevent.AggregateID(id)).
		Order(outboxevent.ByID()).All(ct.Sys())
	require.NoError(t, err)
	topics := make([]string, len(evs))
	for i, ev := range evs {
		topics[i] = ev.Topic
		if i > 0 {
			assert.Greater(t, ev.Sequence, evs[i-1].Sequence, "%s after %s", ev.Topic, evs[i-1].Topic)
		}
	}
	return topics
}

func TestImpossibleTransitionsAreRefused(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		admin := c.As(testenv.TenantAdminA)
		o := place(t, c, ct.Cart{})

		refused(t, c, admin, "CONFLICT", "markShipped", o.ID, "")
		refused(t, c, admin, "CONFLICT", "markDelivered", o.ID, "")
		refused(t, c, admin, "CONFLICT", "refundPayment", o.ID, amount(100))
		must(t, c, admin, "capturePayment", o.ID, "")
		refused(t, c, admin, "CONFLICT", "capturePayment", o.ID, "")
		must(t, c, admin, "createFulfillment", o.ID, "")
		refused(t, c, admin, "CONFLICT", "createFulfillment", o.ID, "")
		refused(t, c, admin, "CONFLICT", "markDelivered", o.ID, "")
		must(t, c, admin, "markShipped", o.ID, "")
		refused(t, c, admin, "CONFLICT", "markShipped", o.ID, "")
		refused(t, c, admin, "CONFLICT", "cancelOrder", o.ID, "")
		v := must(t, c, admin, "markDelivered", o.ID, "")
		assert.Equal(t, "completed", v.Status)
		refused(t, c, admin, "CONFLICT", "markDelivered", o.ID, "")
		refused(t, c, admin, "CONFLICT", "cancelOrder", o.ID, "")

		canceled := place(t, c, ct.Cart{})
		v = must(t, c, admin, "cancelOrder", canceled.ID, "")
		assert.Equal(t, "canceled", v.Status)
		for _, m := range []string{"capturePayment", "createFulfillment", "markShipped", "markDelivered", "cancelOrder"} {
			refused(t, c, admin, "CONFLICT", m, canceled.ID, "")
		}
		refused(t, c, admin, "CONFLICT", "refundPayment", canceled.ID, amount(1))
		refused(t, c, admin, "NOT_FOUND", "capturePayment", 987654321, "")
	})
}

// staff is the context of tenant A's admin, for calling the service directly.
func staff(c *testenv.Commerce) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.User, UserID: c.Users[testenv.TenantAdminA].ID,
		Grants: []viewer.Grant{{Role: viewer.RoleTenantAdmin, TenantID: c.TenantA.ID}}})
}

func TestCancelReleasesStockAndSettlesPayment(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		rec := &recorder{}
		svc := orders.New(db.Client, payment.NewRegistry(rec))
		ctx := staff(c)

		authorized := place(t, c, ct.Cart{Items: []ct.Item{ct.Of("thobe", 2)}})
		fulfilled := place(t, c, ct.Cart{Items: []ct.Item{ct.Of("abaya", 1)}})
		_, err := svc.CreateFulfillment(ctx, fulfilled.ID)
		require.NoError(t, err)
		require.Equal(t, 2, ct.Stock(t, c, "thobe").ReservedQuantity)

		o, err := svc.Cancel(ctx, authorized.ID)
		require.NoError(t, err)
		assert.Equal(t, []string{"order.placed", "order.canceled"}, orderEvents(t, db, authorized.ID))
		assert.Equal(t, "canceled", o.Status.String())
		assert.Equal(t, "canceled", o.PaymentStatus.String(), "an authorisation is voided")
		assert.NotNil(t, o.CanceledAt)
		l := ct.Stock(t, c, "thobe")
		assert.Equal(t, 0, l.ReservedQuantity, "cancel gives the stock back")
		assert.Equal(t, 10, l.StockedQuantity)

		_, err = svc.Capture(ctx, fulfilled.ID)
		require.NoError(t, err)
		_, err = svc.Refund(ctx, fulfilled.ID, 500)
		require.NoError(t, err)
		o, err = svc.Cancel(ctx, fulfilled.ID)
		require.NoError(t, err, "fulfilled but not shipped: still cancelable")
		assert.Equal(t, "refunded", o.PaymentStatus.String(), "what was captured is refunded")
		assert.Equal(t, o.Total, o.RefundedTotal)
		assert.Equal(t, 0, ct.Stock(t, c, "abaya").ReservedQuantity)

		assert.Equal(t, []string{
			"void " + authorized.PaymentReference,
			"capture " + fulfilled.PaymentReference + " " + itoa(fulfilled.Total),
			"refund " + fulfilled.PaymentReference + " 500",
			"refund " + fulfilled.PaymentReference + " " + itoa(fulfilled.Total-500),
		}, rec.Calls())

		_, err = svc.Cancel(ctx, fulfilled.ID)
		assert.Equal(t, apperr.Conflict, apperr.CodeOf(err))
		assert.Len(t, rec.Calls(), 4, "a refused transition reaches no processor")
	})
}

// failing is a processor that is down.
type failing struct{ payment.Manual }

func (failing) Capture(context.Context, string, int64) error { return assert.AnError }

func TestProcessorFailureLeavesOrderUnchanged(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := orders.New(db.Client, payment.NewRegistry(failing{}))
		o := place(t, c, ct.Cart{})
		_, err := svc.Capture(staff(c), o.ID)
		require.ErrorIs(t, err, assert.AnError)
		got, err := db.Client.Order.Get(ct.Sys(), o.ID)
		require.NoError(t, err)
		assert.Equal(t, "authorized", got.PaymentStatus.String())
	})
}

func itoa(n int64) string { return ct.ID(int(n)) }

func TestConcurrentRefundsStayBounded(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		rec := &recorder{}
		svc := orders.New(db.Client, payment.NewRegistry(rec))
		ctx := staff(c)
		o := place(t, c, ct.Cart{})
		_, err := svc.Capture(ctx, o.ID)
		require.NoError(t, err)

		const calls = 10
		half := o.Total / 2
		errs := make(chan error, calls)
		start := make(chan struct{})
		for range calls {
			go func() {
				<-start
				_, err := svc.Refund(ctx, o.ID, half)
				errs <- err
			}()
		}
		close(start)
		var ok int
		for range calls {
			err := <-errs
			switch code := apperr.CodeOf(err); {
			case err == nil:
				ok++
			case code == apperr.Conflict || code == apperr.BadUserInput:
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		assert.Equal(t, 2, ok, "two halves, and nothing more, are refunded")
		got, err := db.Client.Order.Get(ct.Sys(), o.ID)
		require.NoError(t, err)
		assert.Equal(t, 2*half, got.RefundedTotal)
		assert.Len(t, rec.Calls(), 3, "one capture and two refunds reached the processor")
	})
}
