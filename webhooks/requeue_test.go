package webhooks_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/webhooks"
)

// A retry whose task was lost (Redis lost its data) is queued again once it is overdue,
// and made; one whose task is still waiting, or not yet overdue, or already made, is
// left alone.
func TestLostRetriesAreQueuedAgain(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		recv.setAnswer(func(n int, _ captured) int {
			if n == 1 {
				return http.StatusInternalServerError
			}
			return http.StatusOK
		})
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "*")
		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})))
		failed := r.attempts(t, ep.ID)[0]
		require.Equal(t, webhookdelivery.StatusFailed, failed.Status)

		requeued, err := r.svc.RequeueLostRetries(context.Background())
		require.NoError(t, err)
		require.Empty(t, requeued, "not due yet")

		r.now = failed.NextAttemptAt.Add(webhooks.LostRetryAfter + time.Minute)
		requeued, err = r.svc.RequeueLostRetries(context.Background())
		require.NoError(t, err)
		require.Empty(t, requeued, "overdue, but its task is still there")

		insp := asynq.NewInspectorFromRedisClient(r.rdb)
		lost, err := insp.DeleteAllScheduledTasks(r.queue)
		require.NoError(t, err)
		require.Equal(t, 1, lost, "the retry's task, lost")
		requeued, err = r.svc.RequeueLostRetries(context.Background())
		require.NoError(t, err)
		require.Len(t, requeued, 1)
		require.Equal(t, failed.ID, requeued[0].ID)
		again, err := r.svc.RequeueLostRetries(context.Background())
		require.NoError(t, err)
		require.Empty(t, again, "queued once")

		require.Equal(t, 1, r.drain(t))
		rows := r.attempts(t, ep.ID)
		require.Len(t, rows, 2)
		require.Equal(t, 2, rows[1].Attempt)
		require.Equal(t, webhookdelivery.StatusSucceeded, rows[1].Status)
		again, err = r.svc.RequeueLostRetries(context.Background())
		require.NoError(t, err)
		require.Empty(t, again, "the retry was made")
	})
}
