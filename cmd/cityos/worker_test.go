package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// `cityos worker` alone, embedded: it logs where its queue lives and serves /metrics (with
// the event pipeline's series) and the probes on PORT, until interrupted.
func TestWorkerAloneLogsAndServesMetrics(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	for k, v := range map[string]string{"PORT": itoa(port), "CITYOS_DATA_DIR": t.TempDir(), "DATABASE_URL": "", "REDIS_URL": "",
		"CITYOS_ENV": "dev", "CITYOS_QUEUE_RETENTION": "30m"} {
		t.Setenv(k, v)
	}
	var logs lockedBuffer
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, slog.New(slog.NewTextHandler(&logs, nil)), nil, false, true) }()
	defer func() { stop(); require.NoError(t, <-done) }()

	base := "http://127.0.0.1:" + itoa(port)
	var body string
	require.Eventually(t, func() bool {
		res, err := http.Get(base + "/metrics")
		if err != nil {
			return false
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		body = string(b)
		return res.StatusCode == http.StatusOK
	}, 30*time.Second, 20*time.Millisecond)
	for _, series := range []string{"outbox_lag_seconds", "events_relayed_total", "queue_depth", "go_goroutines"} {
		require.Contains(t, body, series)
	}
	res, err := http.Get(base + "/readyz")
	require.NoError(t, err)
	_ = res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Eventually(t, func() bool { return strings.Contains(logs.String(), "workers started") }, 30*time.Second, 20*time.Millisecond)
	require.Contains(t, logs.String(), `queue="embedded (in-process Redis`)
	require.Contains(t, logs.String(), "retention=30m0s")
	res, err = http.Get(base + "/graphql")
	require.NoError(t, err)
	_ = res.Body.Close()
	require.Equal(t, http.StatusNotFound, res.StatusCode, "a worker serves no API")
}

func itoa(n int) string { return strconv.Itoa(n) }
