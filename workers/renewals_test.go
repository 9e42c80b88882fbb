package workers_test

import (
	"context"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/ent/subscriptionrenewal"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// A subscription paused because its renewal failed on every retry tells its customer
// why, once however often the event is handled; a pause the customer asked for sends
// nothing.
func TestSubscriptionPausedForFailedPaymentsTellsTheCustomer(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		pause := func(email string, failed int) int {
			a := address.Address{FirstName: "S", LastName: "A", Address1: "1 St", City: "Riyadh", CountryCode: "SA"}
			s, err := db.Client.Subscription.Create().SetTenantID(e.TenantA.ID).SetStoreID(e.StoreA1.ID).SetCustomerID(1).
				SetVariantID(1).SetQuantity(1).SetInterval(subscription.IntervalMonth).SetNextRenewalAt(time.Now()).
				SetRegionID(1).SetCurrencyCode("SAR").SetEmail(email).SetShippingAddress(&a).SetShippingOptionID(1).
				SetPaymentProvider("manual").Save(sys())
			require.NoError(t, err)
			require.NoError(t, db.Client.Subscription.UpdateOneID(s.ID).SetStatus(subscription.StatusPaused).
				SetFailedAttempts(failed).Exec(sys()))
			return s.ID
		}
		handle := func(id int) {
			_, err := outbox.Relay(context.Background(), db.Client, asynq.NewClientFromRedisClient(e.rdb), asynq.Queue(e.queue))
			require.NoError(t, err)
			ev, err := db.Client.OutboxEvent.Query().Where(outboxevent.Topic(outbox.SubscriptionPaused),
				outboxevent.AggregateType("subscription"), outboxevent.AggregateID(id)).Order(ent.Desc(outboxevent.FieldID)).First(sys())
			require.NoError(t, err)
			info, err := asynq.NewInspectorFromRedisClient(e.rdb).GetTaskInfo(e.queue, outbox.TaskID(ev.ID))
			require.NoError(t, err)
			require.NoError(t, workers.Mux(e.deps).ProcessTask(context.Background(), asynq.NewTask(info.Type, info.Payload)))
		}
		failed := pause("failed@acme.test", 4)
		require.NoError(t, db.Client.SubscriptionRenewal.Create().SetTenantID(e.TenantA.ID).SetSubscriptionID(failed).
			SetPeriodStart(time.Now()).SetStatus(subscriptionrenewal.StatusFailed).
			SetLastError("only 0 of SKU-thobe left").Exec(sys()))
		handle(failed)
		handle(failed)
		asked := pause("asked@acme.test", 0)
		handle(asked)
		msgs := e.mail.messages()
		require.Len(t, msgs, 1)
		assert.Equal(t, "failed@acme.test", msgs[0].To)
		assert.Contains(t, msgs[0].Subject, "paused")
		assert.Contains(t, msgs[0].Text, "after 4 tries: only 0 of SKU-thobe left.")
	})
}
