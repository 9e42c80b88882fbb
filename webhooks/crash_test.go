package webhooks_test

import (
	"context"
	"encoding/json"
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

// taskEvent is the rig's stand-in for a relayed event's task: its handler fans the event
// out, as the workers' dispatcher does.
const taskEvent = "test:event"

// worker is a worker process on the rig's queue: it fans out events and makes queued
// attempts, one task at a time.
func (r *rig) worker(t *testing.T) *asynq.Server {
	t.Helper()
	srv := asynq.NewServerFromRedisClient(r.rdb, asynq.Config{
		Queues: map[string]int{r.queue: 1}, Concurrency: 1,
		// Stopping does not wait for a delivery under way: it is abandoned as a killed
		// process's would be, and its task goes back to the queue.
		ShutdownTimeout: time.Millisecond,
		Logger:          slogQuiet{}, LogLevel: asynq.FatalLevel,
	})
	mux := asynq.NewServeMux()
	mux.HandleFunc(taskEvent, func(ctx context.Context, task *asynq.Task) error {
		var ev outbox.Event
		if err := json.Unmarshal(task.Payload(), &ev); err != nil {
			return err
		}
		return r.svc.FanOut(ctx, ev)
	})
	mux.HandleFunc(webhooks.TaskDeliver, func(ctx context.Context, task *asynq.Task) error {
		a, err := webhooks.DecodeAttempt(task.Payload())
		if err != nil {
			return err
		}
		_, err = r.svc.Deliver(ctx, a)
		return err
	})
	require.NoError(t, srv.Start(mux))
	return srv
}

type slogQuiet struct{}

func (slogQuiet) Debug(...any) {}
func (slogQuiet) Info(...any)  {}
func (slogQuiet) Warn(...any)  {}
func (slogQuiet) Error(...any) {}
func (slogQuiet) Fatal(...any) {}

// A worker killed in the middle of a delivery and started again: every event reaches the
// receiver at least once, and a receiver that de-duplicates by webhook-id applies each
// once. The interrupted attempt is the platform's, not a failure of the receiver: it is
// not recorded, and the attempt made again is the one row of its delivery.
func TestKilledWorkerDeliversEveryEventAfterRestart(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		arrived, release := make(chan struct{}), make(chan struct{})
		defer close(release)
		recv.setAnswer(func(n int, _ captured) int {
			if n == 1 { // the first request hangs until the worker is gone
				close(arrived)
				<-release
			}
			return http.StatusOK
		})
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "*")
		q := asynq.NewClientFromRedisClient(r.rdb)
		want := map[string]bool{}
		for i := range 5 {
			ev := r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": i})
			payload, err := json.Marshal(ev)
			require.NoError(t, err)
			_, err = q.Enqueue(asynq.NewTask(taskEvent, payload), asynq.Queue(r.queue))
			require.NoError(t, err)
			want[outbox.PublicID(ev.ID)] = true
		}

		first := r.worker(t)
		<-arrived
		first.Shutdown() // killed mid-delivery: the attempt is not recorded
		require.Empty(t, r.attempts(t, ep.ID))

		second := r.worker(t)
		defer second.Shutdown()
		require.Eventually(t, func() bool {
			n, err := r.db.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(ep.ID),
				webhookdelivery.StatusEQ(webhookdelivery.StatusSucceeded)).Count(sys())
			return err == nil && n == len(want)
		}, 30*time.Second, 20*time.Millisecond, "every event delivered after the restart")
		require.Equal(t, want, recv.ids(), "each event applied once by a de-duplicating receiver")
		require.Len(t, recv.requests(), len(want)+1, "the interrupted request was made again")
		rows := r.attempts(t, ep.ID)
		require.Len(t, rows, len(want), "one row per attempt: the interrupted one left none")
		for _, row := range rows {
			require.Equal(t, 1, row.Attempt)
		}
	})
}
