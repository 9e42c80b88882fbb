package reconcile_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/webhooks"
)

// A lost webhook retry is queued again and reported to its tenant's reconcile job alone.
func TestReconcileRequeuesLostWebhookRetries(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		r := reconciler(t, db.Client)
		queue := randomName()
		rdb, _ := testenv.Redis(t)
		t.Cleanup(func() { _ = asynq.NewInspectorFromRedisClient(rdb).DeleteQueue(queue, true) })
		r.Webhooks = &webhooks.Service{Client: db.Client, HTTP: &http.Client{}, Queue: asynq.NewClientFromRedisClient(rdb),
			QueueOptions: []asynq.Option{asynq.Queue(queue)}, Config: webhooks.DefaultConfig()}

		// Tenant A's delivery failed a day ago, its retry due long since and never made.
		ep, err := db.Client.IntegrationEndpoint.Create().SetTenantID(f.TenantA.ID).SetURL("https://hooks.example.com/a").
			SetEventTypes([]string{"*"}).SetSecret("whsec_dGVzdA==").Save(sys())
		require.NoError(t, err)
		ev, err := db.Client.OutboxEvent.Create().SetTenantID(f.TenantA.ID).SetTopic(outbox.OrderPlaced).
			SetAggregateType("order").SetAggregateID(1).SetSequence(1).SetPayload(map[string]any{"id": 1}).Save(sys())
		require.NoError(t, err)
		due := time.Now().Add(-time.Hour)
		row, err := db.Client.WebhookDelivery.Create().SetTenantID(f.TenantA.ID).SetEndpointID(ep.ID).SetEventID(ev.ID).
			SetWebhookID(outbox.PublicID(ev.ID)).SetEventType(ev.Topic).SetAttempt(1).
			SetStatus(webhookdelivery.StatusFailed).SetNextAttemptAt(due).Save(sys())
		require.NoError(t, err)

		res, err := r.Run(context.Background())
		require.NoError(t, err)
		require.Equal(t, 1, res.RequeuedRetries)
		pending, err := asynq.NewInspectorFromRedisClient(rdb).ListPendingTasks(queue)
		require.NoError(t, err)
		require.Len(t, pending, 1)
		require.Equal(t, webhooks.Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 2}.TaskID(), pending[0].ID)
		reported := map[int][]int{}
		for _, j := range res.Jobs {
			if entry, ok := j.Report["webhook_retries_requeued"].(map[string]any); ok {
				reported[j.TenantID] = entry["ids"].([]int)
			}
		}
		require.Equal(t, map[int][]int{f.TenantA.ID: {row.ID}}, reported, "tenant A's job, not B's")

		res, err = r.Run(context.Background())
		require.NoError(t, err)
		require.Zero(t, res.RequeuedRetries, "its task is queued now")
	})
}
