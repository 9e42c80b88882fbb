package eventmetrics

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"
)

func TestCountersMove(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := New(reg)
	m.Relayed(3)
	m.Relayed(0)
	m.Delivery("succeeded")
	m.Delivery("succeeded")
	m.Delivery("failed")
	m.Retry()
	m.Dead()
	m.SubscriptionOpened()
	m.SubscriptionOpened()
	m.SubscriptionClosed()
	require.Equal(t, 3.0, testutil.ToFloat64(m.relayed))
	require.Equal(t, 2.0, testutil.ToFloat64(m.deliveries.WithLabelValues("succeeded")))
	require.Equal(t, 1.0, testutil.ToFloat64(m.deliveries.WithLabelValues("failed")))
	require.Equal(t, 1.0, testutil.ToFloat64(m.retries))
	require.Equal(t, 1.0, testutil.ToFloat64(m.dead))
	require.Equal(t, 1.0, testutil.ToFloat64(m.subscriptionClients))
	require.Panics(t, func() { New(reg) }, "registering twice is a wiring bug")
}

// Code given no metrics (tests, tools) counts nothing and does not fail.
func TestNilCountsNothing(t *testing.T) {
	var m *Metrics
	require.NotPanics(t, func() {
		m.Relayed(1)
		m.Delivery("succeeded")
		m.Retry()
		m.Dead()
		m.SubscriptionOpened()
		m.SubscriptionClosed()
	})
}
