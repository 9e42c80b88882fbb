package orders_test

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

const orderFields = `id displayID status paymentStatus fulfillmentStatus total refundedTotal canceledAt
  fulfillments { id shippedAt deliveredAt }`

// view is an order as the API shows it.
type view struct {
	ID, Status, PaymentStatus, FulfillmentStatus string
	DisplayID                                    int
	Total, RefundedTotal                         int64
	CanceledAt                                   *string
	Fulfillments                                 []struct {
		ID                     string
		ShippedAt, DeliveredAt *string
	}
}

var keys struct {
	sync.Mutex
	n int
}

// place completes a ready cart in store (thobe × qty) as a guest, through checkout.
func place(t *testing.T, c *testenv.Commerce, spec ct.Cart) *ent.Order {
	t.Helper()
	keys.Lock()
	keys.n++
	key := fmt.Sprintf("order-%d", keys.n)
	keys.Unlock()
	store := spec.Store
	if store == nil {
		store = c.StoreA1
	}
	cart := ct.Build(t, c, spec)
	o, err := c.API.App.Checkout.Complete(ct.Shopper(store), cart.Token, key, checkout.Edges{})
	require.NoError(t, err)
	return o
}

// do runs a staff mutation on an order and returns the order or the error code.
func do(t *testing.T, c *testenv.Commerce, h testenv.Headers, mutation string, orderID int, extra string) (view, string) {
	t.Helper()
	q := fmt.Sprintf(`mutation($id: ID!) { %s(orderId: $id%s) { %s } }`, mutation, extra, orderFields)
	r := c.API.Do(t, h, q, map[string]any{"id": strconv.Itoa(orderID)})
	if len(r.Errors) > 0 {
		return view{}, r.Code()
	}
	var out map[string]view
	r.Decode(t, &out)
	return out[mutation], ""
}

// must runs a staff mutation that has to succeed.
func must(t *testing.T, c *testenv.Commerce, h testenv.Headers, mutation string, orderID int, extra string) view {
	t.Helper()
	v, code := do(t, c, h, mutation, orderID, extra)
	require.Empty(t, code, "%s", mutation)
	return v
}

// refused runs a staff mutation that has to fail with code.
func refused(t *testing.T, c *testenv.Commerce, h testenv.Headers, code, mutation string, orderID int, extra string) {
	t.Helper()
	_, got := do(t, c, h, mutation, orderID, extra)
	require.Equal(t, code, got, "%s", mutation)
}

func amount(n int64) string { return fmt.Sprintf(", amount: %d", n) }

// recorder is the manual provider that remembers what it was asked to do.
type recorder struct {
	payment.Manual
	mu    sync.Mutex
	calls []string
}

func (r *recorder) record(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, s)
}

func (r *recorder) Capture(_ context.Context, ref string, n int64) error {
	r.record(fmt.Sprintf("capture %s %d", ref, n))
	return nil
}

func (r *recorder) Refund(_ context.Context, ref string, n int64) error {
	r.record(fmt.Sprintf("refund %s %d", ref, n))
	return nil
}

func (r *recorder) Void(_ context.Context, ref string) error {
	r.record("void " + ref)
	return nil
}

func (r *recorder) Calls() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.calls...)
}
