package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestOperationsSettings(t *testing.T) {
	for _, k := range []string{"DATABASE_URL", "CITYOS_ENV", "CITYOS_DNS_RESOLVER", "CITYOS_DOMAIN_VERIFICATION_WINDOW", "CITYOS_QUEUE_RETENTION"} {
		t.Setenv(k, "")
	}
	c, err := FromEnv()
	require.NoError(t, err)
	require.Empty(t, c.DNSResolver, "the system's resolver")
	require.Equal(t, 24*time.Hour, c.DomainVerificationWindow)
	require.Equal(t, time.Hour, c.QueueRetention, "completed tasks are kept an hour, not asynq's day")
	require.Equal(t, 64, c.WorkerConcurrency)

	t.Setenv("CITYOS_DNS_RESOLVER", "127.0.0.1:5353")
	t.Setenv("CITYOS_DOMAIN_VERIFICATION_WINDOW", "72h")
	t.Setenv("CITYOS_QUEUE_RETENTION", "15m")
	c, err = FromEnv()
	require.NoError(t, err)
	require.Equal(t, "127.0.0.1:5353", c.DNSResolver)
	require.Equal(t, 72*time.Hour, c.DomainVerificationWindow)
	require.Equal(t, 15*time.Minute, c.QueueRetention)

	for name, bad := range map[string]string{"CITYOS_DNS_RESOLVER": "1.1.1.1", "CITYOS_DOMAIN_VERIFICATION_WINDOW": "0s", "CITYOS_QUEUE_RETENTION": "an hour", "CITYOS_WORKER_CONCURRENCY": "0"} {
		t.Run(name, func(t *testing.T) {
			t.Setenv(name, bad)
			_, err := FromEnv()
			require.ErrorContains(t, err, name)
		})
	}
}
