package reconcile_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/payment/paymenttest"
	"github.com/dakkah/cityos/reconcile"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "reconcile-test") }

func randomName() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "test-" + hex.EncodeToString(b)
}

// reconciler works on a queue and marker of the test's own.
func reconciler(t *testing.T, client *ent.Client) *reconcile.Reconciler {
	t.Helper()
	rdb, _ := testenv.Redis(t)
	r := &reconcile.Reconciler{Client: client, Queue: asynq.NewClientFromRedisClient(rdb), Redis: rdb,
		KeyPrefix: randomName() + ":", EventQueue: randomName()}
	t.Cleanup(func() { _ = asynq.NewInspectorFromRedisClient(rdb).DeleteQueue(r.EventQueue, true) })
	return r
}

// deleteBehindForeignKeys deletes a store the way a restore without constraints could:
// its domains stay.
func deleteBehindForeignKeys(t *testing.T, db *testenv.DB, storeID int) {
	t.Helper()
	ctx := context.Background()
	conn, err := db.SQL.Conn(ctx)
	require.NoError(t, err)
	defer conn.Close()
	off, on := "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON"
	if db.Dialect == "postgres" {
		off, on = "SET session_replication_role = replica", "SET session_replication_role = DEFAULT"
	}
	_, err = conn.ExecContext(ctx, off)
	require.NoError(t, err)
	_, err = conn.ExecContext(ctx, fmt.Sprintf("DELETE FROM stores WHERE id = %d", storeID))
	require.NoError(t, err)
	_, err = conn.ExecContext(ctx, on)
	require.NoError(t, err)
}

func newOrder(t *testing.T, c *ent.Client, com *testenv.Commerce, key string, mod func(*ent.OrderCreate)) *ent.Order {
	t.Helper()
	oc := c.Order.Create().SetTenantID(com.TenantA.ID).SetStoreID(com.StoreA1.ID).SetDisplayID(1000 + len(key)).
		SetIdempotencyKey(key).SetCurrencyCode("SAR").SetSubtotal(100).SetShippingTotal(0).SetTaxTotal(0).
		SetTotal(100).SetPaymentProvider("manual")
	mod(oc)
	return oc.SaveX(sys())
}

// Each kind of drift, made directly in the database, is repaired (or, for payments,
// reported) by one run, and the run's reconcile job for the tenant says so.
func TestReconcileRepairsDrift(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		com := testenv.NewCommerce(t, db)
		c := db.Client
		r := reconciler(t, c)
		processor := paymenttest.New()
		r.Payments = payment.NewRegistry(payment.Manual{}, processor)
		r.Orders = orders.New(c, r.Payments)

		// A store without a sales channel.
		bare := c.Store.Create().SetTenantID(com.TenantA.ID).SetHandle("bare").SetName("Bare").SaveX(sys())
		// A domain whose store is gone.
		gone := c.Store.Create().SetTenantID(com.TenantA.ID).SetHandle("gone").SetName("Gone").SaveX(sys())
		orphan := c.Domain.Create().SetTenantID(com.TenantA.ID).SetStoreID(gone.ID).SetHostname("gone.example.com").
			SetVerificationToken("t").SaveX(sys())
		deleteBehindForeignKeys(t, db, gone.ID)
		// Stock still held for a canceled order.
		level := c.InventoryLevel.Query().Where(inventorylevel.VariantID(com.Variants["thobe"].ID)).OnlyX(sys())
		canceled := newOrder(t, c, com, "canceled", func(o *ent.OrderCreate) { o.SetStatus(order.StatusCanceled) })
		c.Reservation.Create().SetTenantID(com.TenantA.ID).SetOrderID(canceled.ID).SetInventoryLevelID(level.ID).SetQuantity(2).ExecX(sys())
		c.InventoryLevel.UpdateOne(level).AddReservedQuantity(2).ExecX(sys())
		// An order the processor authorised while the platform thinks it unpaid.
		s, err := processor.OpenSession(sys(), payment.SessionRequest{Amount: 100, CurrencyCode: "SAR", IdempotencyKey: "cart-1"})
		require.NoError(t, err)
		processor.Confirm(s.ID)
		unpaid := newOrder(t, c, com, "unpaid-but-paid", func(o *ent.OrderCreate) {
			o.SetPaymentProvider("stripe").SetPaymentReference(s.ID)
		})
		// Orders the platform thinks authorized, which the processor captured or voided
		// meanwhile (their webhooks lost).
		authorized := func(key, status string) *ent.Order {
			s, err := processor.OpenSession(sys(), payment.SessionRequest{Amount: 100, CurrencyCode: "SAR", IdempotencyKey: key})
			require.NoError(t, err)
			processor.Set(s.ID, status, 0)
			return newOrder(t, c, com, key, func(o *ent.OrderCreate) {
				o.SetPaymentProvider("stripe").SetPaymentReference(s.ID).SetPaymentStatus(order.PaymentStatusAuthorized)
			})
		}
		captured := authorized("captured-at-processor", payment.StatusSucceeded)
		voided := authorized("voided-at-processor", payment.StatusCanceled)
		// What agrees with its processor, or has none to ask, is left alone.
		newOrder(t, c, com, "manual", func(o *ent.OrderCreate) { o.SetPaymentReference("manual-ref") })

		res, err := r.Run(context.Background())
		require.NoError(t, err)

		n, err := c.SalesChannel.Query().Where(saleschannel.StoreID(bare.ID)).Count(sys())
		require.NoError(t, err)
		require.Equal(t, 1, n, "the store got a sales channel")
		exists, err := c.Domain.Query().Where(domain.ID(orphan.ID)).Exist(sys())
		require.NoError(t, err)
		require.False(t, exists, "the domain of the deleted store is gone")
		require.Zero(t, c.InventoryLevel.GetX(sys(), level.ID).ReservedQuantity, "the canceled order's stock is free again")

		require.Len(t, res.Jobs, 1, "only tenant A had drift")
		job := res.Jobs[0]
		require.Equal(t, com.TenantA.ID, job.TenantID)
		require.Equal(t, syncjob.KindReconcile, job.Kind)
		require.Equal(t, syncjob.StatusPartial, job.Status, "the payment needs a person")
		require.Equal(t, 5, job.Fixed)
		require.Equal(t, 6, job.Total)
		report := func(repair string) []int {
			entry, ok := job.Report[repair].(map[string]any)
			require.True(t, ok, "report has %s: %v", repair, job.Report)
			return entry["ids"].([]int)
		}
		require.Equal(t, []int{bare.ID}, report("sales_channels_created"))
		require.Equal(t, []int{orphan.ID}, report("domains_deleted"))
		require.Equal(t, []int{canceled.ID}, report("reservations_released"))
		require.Equal(t, []int{unpaid.ID}, report(reconcile.FoundNotFixed+"payment_mismatch"))
		require.Equal(t, []int{captured.ID}, report("payments_captured"))
		require.Equal(t, []int{voided.ID}, report("payments_canceled"))
		require.Equal(t, order.PaymentStatusCaptured, c.Order.GetX(sys(), captured.ID).PaymentStatus)
		require.Equal(t, order.PaymentStatusCanceled, c.Order.GetX(sys(), voided.ID).PaymentStatus)
		raised, err := c.OutboxEvent.Query().Where(outboxevent.Topic(outbox.OrderPaymentCaptured), outboxevent.AggregateID(captured.ID)).Count(sys())
		require.NoError(t, err)
		require.Equal(t, 1, raised, "the capture raised its event, as the processor's webhook would have")

		// The stored job reads the same, for the tenant's admins.
		stored, err := c.SyncJob.Get(sys(), job.ID)
		require.NoError(t, err)
		require.Contains(t, stored.Report, "domains_deleted")

		// What was repaired stays repaired: the next run finds only the payment again.
		res, err = r.Run(context.Background())
		require.NoError(t, err)
		require.Len(t, res.Jobs, 1)
		require.Equal(t, 0, res.Jobs[0].Fixed)
		require.Equal(t, []string{reconcile.FoundNotFixed + "payment_mismatch"}, keys(res.Jobs[0].Report))
	})
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
