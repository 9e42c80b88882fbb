package webhooks_test

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

// worker is a delivery worker process on the rig's queue.
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
// once; each attempt is still one row.
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
		want := map[string]bool{}
		for i := range 5 {
			ev := r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": i})
			require.NoError(t, r.svc.FanOut(context.Background(), ev))
			want[outbox.PublicID(ev.ID)] = true
		}

		first := r.worker(t)
		<-arrived
		first.Shutdown() // killed mid-delivery: the attempt's row stays pending
		rows := r.attempts(t, ep.ID)
		require.Len(t, rows, 1)
		require.Equal(t, webhookdelivery.StatusPending, rows[0].Status)

		second := r.worker(t)
		defer second.Shutdown()
		require.Eventually(t, func() bool {
			n, err := r.db.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(ep.ID),
				webhookdelivery.StatusEQ(webhookdelivery.StatusSucceeded)).Count(sys())
			return err == nil && n == len(want)
		}, 30*time.Second, 20*time.Millisecond, "every event delivered after the restart")
		require.Equal(t, want, recv.ids(), "each event applied once by a de-duplicating receiver")
		require.GreaterOrEqual(t, len(recv.requests()), len(want))
		require.Len(t, r.attempts(t, ep.ID), len(want), "the interrupted attempt's row was finished, not doubled")
	})
}
