package workers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/webhooks"
)

// The fan-out makes an event's first attempt itself; the worker runs a queued attempt (a
// replay's here): the receiver gets the signed event, each attempt is recorded; a task
// that is not an attempt is not retried.
func TestWorkerDeliversAWebhookTask(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		var got atomic.Int32
		recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			got.Add(1)
			w.WriteHeader(http.StatusOK)
		}))
		defer recv.Close()
		secret, err := stdwebhook.NewSecret()
		require.NoError(t, err)
		ep, err := db.Client.IntegrationEndpoint.Create().SetTenantID(e.TenantA.ID).SetURL(recv.URL).
			SetEventTypes([]string{"order.*"}).SetSecret(secret).Save(sys())
		require.NoError(t, err)
		e.deps.Webhooks = &webhooks.Service{Client: db.Client, HTTP: recv.Client(), Queue: asynq.NewClientFromRedisClient(e.rdb),
			QueueOptions: []asynq.Option{asynq.Queue(e.queue)}, Config: webhooks.DefaultConfig()}

		o := e.order(t, "buyer@example.com")
		task := e.task(t, outbox.OrderPlaced, o.ID)
		ev, err := outbox.DecodeEvent(task.Type(), task.Payload())
		require.NoError(t, err)
		require.NoError(t, e.deps.Webhooks.FanOut(context.Background(), ev))
		require.EqualValues(t, 1, got.Load())
		payload, err := json.Marshal(webhooks.Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 1, Run: "replay-1"})
		require.NoError(t, err)
		require.NoError(t, e.process(asynq.NewTask(webhooks.TaskDeliver, payload)))
		require.EqualValues(t, 2, got.Load())
		rows, err := db.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(ep.ID)).Order(webhookdelivery.ByID()).All(sys())
		require.NoError(t, err)
		require.Len(t, rows, 2)
		require.Equal(t, []string{"", "replay-1"}, []string{rows[0].Run, rows[1].Run})
		require.Equal(t, webhookdelivery.StatusSucceeded, rows[1].Status)

		require.ErrorIs(t, e.process(asynq.NewTask(webhooks.TaskDeliver, []byte("{}"))), asynq.SkipRetry)
	})
}
