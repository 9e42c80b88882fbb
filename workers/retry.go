package workers

import (
	"errors"
	"math/rand/v2"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/webhooks"
)

// isFailure tells asynq which errors count as a task's failure (and use up one of its
// retries). A delivery that found its endpoint busy attempted nothing: it only waits.
func isFailure(err error) bool { return !errors.Is(err, webhooks.ErrEndpointBusy) }

// busyWait is how long a delivery that found its endpoint busy waits before it tries
// again, give or take a fifth so the waiting ones do not all come back at once.
const busyWait = time.Second

// retryDelay is asynq's backoff, but a short wait for a busy endpoint.
func retryDelay(n int, err error, t *asynq.Task) time.Duration {
	if errors.Is(err, webhooks.ErrEndpointBusy) {
		return busyWait + time.Duration((rand.Float64()*0.4-0.2)*float64(busyWait))
	}
	return asynq.DefaultRetryDelayFunc(n, err, t)
}
