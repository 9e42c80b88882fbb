package workers_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// From a completed cart to the shopper's inbox, through the real pieces: checkout writes
// the event, the relay queues it, the worker sends one confirmation to the cart's e-mail.
func TestCheckoutToConfirmationEmail(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		rdb, _ := testenv.Redis(t)
		queue, prefix := "flow-"+random(t), "flow-"+random(t)+":"
		t.Cleanup(func() { cleanQueue(rdb, queue, prefix) })
		mail := &mailbox{}
		deps := workers.Deps{Client: db.Client, Redis: rdb, Notifier: mail, KeyPrefix: prefix,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}

		cart := checkouttest.Ready(t, c, checkouttest.Of("thobe", 1))
		r := c.API.MustDo(t, checkouttest.Guest(c, c.StoreA1), `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "flow") { id displayID } }`,
			map[string]any{"c": checkouttest.ID(cart.Token)})
		var out struct{ CompleteCart struct{ DisplayID int } }
		r.Decode(t, &out)
		require.Equal(t, 1, out.CompleteCart.DisplayID)

		_, err := outbox.Relay(context.Background(), db.Client, asynq.NewClientFromRedisClient(rdb), asynq.Queue(queue))
		require.NoError(t, err)
		ev, err := db.Client.OutboxEvent.Query().Where(outboxevent.Topic(outbox.OrderPlaced)).Only(checkouttest.Sys())
		require.NoError(t, err)
		info, err := asynq.NewInspectorFromRedisClient(rdb).GetTaskInfo(queue, outbox.TaskID(ev.ID))
		require.NoError(t, err)
		require.NoError(t, workers.Mux(deps).ProcessTask(context.Background(), asynq.NewTask(info.Type, info.Payload)))

		msgs := mail.messages()
		require.Len(t, msgs, 1)
		require.Equal(t, cart.Email, msgs[0].To)
		require.Contains(t, msgs[0].Subject, "#1")
	})
}

func cleanQueue(rdb *redis.Client, queue, prefix string) {
	ctx := context.Background()
	_ = asynq.NewInspectorFromRedisClient(rdb).DeleteQueue(queue, true)
	if keys, _ := rdb.Keys(ctx, prefix+"*").Result(); len(keys) > 0 {
		_ = rdb.Del(ctx, keys...).Err()
	}
}
