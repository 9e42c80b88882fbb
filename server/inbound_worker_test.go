package server_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// End to end: the API queues an accepted webhook and a worker process, serving the
// workers' mux, applies it.
func TestInboundWebhookWorker(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		srv := asynq.NewServerFromRedisClient(e.API.App.Redis, asynq.Config{Concurrency: 2,
			Queues: map[string]int{e.queue: 1}, Logger: quietAsynq{slog.New(slog.NewTextHandler(io.Discard, nil))}})
		require.NoError(t, srv.Start(workers.Mux(e.API.App.WorkerDeps())))
		t.Cleanup(srv.Shutdown)

		id := accepted(t, e.send(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "shemagh", "title": "Shemagh"})))
		require.Eventually(t, func() bool {
			w, err := db.Client.InboundWebhook.Get(sys(), id)
			return err == nil && w.Status == inboundwebhook.StatusApplied
		}, 20*time.Second, 20*time.Millisecond)
		n, err := db.Client.Product.Query().Where(product.TenantID(e.TenantA.ID), product.Handle("shemagh")).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)
	})
}

// A suspended tenant's data is read-only, to its endpoints too.
func TestInboundWebhookSuspendedTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		e.SetTenantStatus(t, e.TenantB.ID, tenant.StatusSuspended)
		w := e.apply(t, e.endB, body(t, "product.upsert", map[string]any{"handle": "gadget", "title": "Gadget II"}))
		require.Equal(t, inboundwebhook.StatusFailed, w.Status)
		assert.Contains(t, *w.Reason, "read-only")
		p, err := db.Client.Product.Get(sys(), e.Products["gadget"].ID)
		require.NoError(t, err)
		assert.Equal(t, "The gadget", p.Title)
	})
}

type quietAsynq struct{ l *slog.Logger }

func (q quietAsynq) Debug(args ...any) {}
func (q quietAsynq) Info(args ...any)  {}
func (q quietAsynq) Warn(args ...any)  {}
func (q quietAsynq) Error(args ...any) { q.l.Error("asynq", "detail", args) }
func (q quietAsynq) Fatal(args ...any) { q.l.Error("asynq", "detail", args) }

// A webhook recorded but never queued (a crash in between) is queued again by
// RequeueStale, once old enough; one already applied is not.
func TestInboundWebhookRequeueStale(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		old := time.Now().Add(-time.Hour)
		lost, err := db.Client.InboundWebhook.Create().SetTenantID(e.TenantA.ID).SetEndpointID(e.endA.ID).
			SetSource(inboundwebhook.SourceEndpoint).SetWebhookID("lost").SetType("store.update").
			SetStatus(inboundwebhook.StatusAccepted).SetReceivedAt(old).
			SetPayload(map[string]any{"type": "store.update", "data": map[string]any{"handle": "a1", "name": "Found"}}).Save(sys())
		require.NoError(t, err)
		applied := e.apply(t, e.endA, body(t, "store.update", map[string]any{"handle": "a2", "name": "A2"}))

		svc := e.API.App.Inbound
		n, err := svc.RequeueStale(context.Background(), time.Now().Add(-2*time.Hour))
		require.NoError(t, err)
		assert.Zero(t, n, "not old enough")
		// The workers' periodic task: older than workers.InboundStaleAfter.
		require.NoError(t, workers.Mux(e.API.App.WorkerDeps()).ProcessTask(context.Background(), asynq.NewTask(workers.TaskRequeueInbound, nil)))
		inspect := asynq.NewInspectorFromRedisClient(e.API.App.Redis)
		_, err = inspect.GetTaskInfo(e.queue, inbound.TaskID(lost.ID))
		require.NoError(t, err)
		e.run(t, lost.ID)
		assert.Equal(t, inboundwebhook.StatusApplied, e.record(t, lost.ID).Status)
		assert.Equal(t, inboundwebhook.StatusApplied, e.record(t, applied.ID).Status)
		st, err := db.Client.Store.Get(sys(), e.StoreA1.ID)
		require.NoError(t, err)
		assert.Equal(t, "Found", st.Name)
	})
}
