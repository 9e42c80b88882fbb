package outbox_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
)

// An event's task is its first handling only on its first run, and only when it was not
// enqueued again: a retried task, an event requeued, or a call outside a task are not.
func TestFirstRun(t *testing.T) {
	require.False(t, outbox.FirstRun(context.Background(), outbox.Event{ID: 1}), "outside a task nothing is certain")

	rdb, _ := testenv.Redis(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	queue := "test-first-run-" + hex.EncodeToString(b)
	t.Cleanup(func() { _ = asynq.NewInspectorFromRedisClient(rdb).DeleteQueue(queue, true) })
	seen := make(chan bool, 3)
	srv := asynq.NewServerFromRedisClient(rdb, asynq.Config{
		Queues: map[string]int{queue: 1}, Concurrency: 1, LogLevel: asynq.FatalLevel,
		RetryDelayFunc: func(int, error, *asynq.Task) time.Duration { return 0 },
	})
	runs := 0
	mux := asynq.NewServeMux()
	mux.HandleFunc("test:first-run", func(ctx context.Context, task *asynq.Task) error {
		again := string(task.Payload()) == "again"
		seen <- outbox.FirstRun(ctx, outbox.Event{ID: 1, Again: again})
		if runs++; runs == 1 {
			return errors.New("fails once")
		}
		return nil
	})
	require.NoError(t, srv.Start(mux))
	defer srv.Shutdown()
	q := asynq.NewClientFromRedisClient(rdb)
	_, err := q.Enqueue(asynq.NewTask("test:first-run", nil), asynq.Queue(queue))
	require.NoError(t, err)
	require.True(t, <-seen, "the first run")
	require.False(t, <-seen, "its retry")
	_, err = q.Enqueue(asynq.NewTask("test:first-run", []byte("again")), asynq.Queue(queue))
	require.NoError(t, err)
	require.False(t, <-seen, "an event enqueued again")
}
