package workers

import (
	"crypto/tls"
	"testing"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"
)

// The start-up log names the queue's Redis without its password.
func TestQueueModeRedactsPassword(t *testing.T) {
	mode, addr := queueMode(asynq.RedisClientOpt{Addr: "cache:6379", Username: "app", Password: "s3cret", DB: 2, TLSConfig: &tls.Config{}}, false)
	require.Equal(t, "redis", mode)
	require.Equal(t, "rediss://app:***@cache:6379/2", addr)
	require.NotContains(t, addr, "s3cret")
	_, addr = queueMode(asynq.RedisClientOpt{Addr: "cache:6379", Password: "s3cret"}, false)
	require.Equal(t, "redis://:***@cache:6379/0", addr)
	mode, addr = queueMode(asynq.RedisClientOpt{Addr: "127.0.0.1:40000"}, true)
	require.Contains(t, mode, "embedded")
	require.Equal(t, "redis://127.0.0.1:40000/0", addr)
}
