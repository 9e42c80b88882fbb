package workers

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/webhooks"
)

// A delivery that found its endpoint busy comes back within a second or so and does not
// use up a retry; any other error is a failure with asynq's backoff.
func TestBusyEndpointIsNoFailure(t *testing.T) {
	busy := fmt.Errorf("deliver: %w", webhooks.ErrEndpointBusy)
	require.False(t, isFailure(busy))
	require.True(t, isFailure(errors.New("database is down")))
	task := asynq.NewTask(webhooks.TaskDeliver, nil)
	for range 20 {
		d := retryDelay(3, busy, task)
		require.True(t, d >= 800*time.Millisecond && d <= 1200*time.Millisecond, "%s", d)
	}
	require.Greater(t, retryDelay(3, errors.New("x"), task), 2*time.Second, "asynq's own backoff")
}
