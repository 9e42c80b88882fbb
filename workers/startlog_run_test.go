package workers_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// syncBuffer is a log destination the workers write while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}
func (b *syncBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.buf.String() }

// A worker says at start where its queue lives, which Redis (without a password) and how
// long it keeps finished tasks. Its own Redis: Run serves the default queue, which no
// other test may share.
func TestRunLogsModeAndRedis(t *testing.T) {
	db := testenv.SQLite(t)
	mr := miniredis.RunT(t)
	var logs syncBuffer
	deps := workers.Deps{Client: db.Client, Logger: slog.New(slog.NewTextHandler(&logs, nil)), InProcessRedis: true, QueueRetention: 2 * time.Hour}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- workers.Run(ctx, asynq.RedisClientOpt{Addr: mr.Addr()}, deps) }()
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "workers started") }, 10*time.Second, 10*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
	line := logs.String()
	require.Contains(t, line, `queue="embedded (in-process Redis`)
	require.Contains(t, line, "redis=redis://"+mr.Addr()+"/0")
	require.Contains(t, line, "retention=2h0m0s")
}
