package workers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/server"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// scrape reads /metrics of h as Prometheus would.
func scrape(t *testing.T, h http.Handler) map[string]*dto.MetricFamily {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(rec.Body)
	require.NoError(t, err)
	return fams
}

// value is the sample of family name with labels (a subset), and whether there is one.
func value(fams map[string]*dto.MetricFamily, name string, labels map[string]string) (float64, bool) {
	f, ok := fams[name]
	if !ok {
		return 0, false
	}
next:
	for _, m := range f.GetMetric() {
		for k, v := range labels {
			found := false
			for _, l := range m.GetLabel() {
				found = found || l.GetName() == k && l.GetValue() == v
			}
			if !found {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.GetCounter().GetValue(), true
		case m.Gauge != nil:
			return m.GetGauge().GetValue(), true
		}
	}
	return 0, false
}

func mustValue(t *testing.T, fams map[string]*dto.MetricFamily, name string, labels map[string]string) float64 {
	t.Helper()
	v, ok := value(fams, name, labels)
	require.True(t, ok, "no series %s%v", name, labels)
	return v
}

// /metrics shows the event pipeline: how far the outbox is behind and how many events
// wait, events relayed, the depth of each queue, and the delivery and subscription
// counters the webhook and subscription code moves.
func TestPipelineMetrics(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		app := f.API.App
		queue := "metrics-" + random(t)
		t.Cleanup(func() { _ = asynq.NewInspectorFromRedisClient(app.Redis).DeleteQueue(queue, true) })
		app.Config.QueueRetention = 15 * time.Minute // as CITYOS_QUEUE_RETENTION would
		deps := app.WorkerDeps()
		q := asynq.NewClientFromRedisClient(app.Redis)
		relayTo := func(queue string) int {
			n, err := deps.RelayOutbox(context.Background(), q, asynq.Queue(queue))
			require.NoError(t, err)
			return n
		}
		relay := func() int { return relayTo(queue) }
		// The fixture's own events go to a queue of their own, so the test's queue holds
		// only the events below.
		fixtureQueue := queue + "-fixture"
		t.Cleanup(func() { _ = asynq.NewInspectorFromRedisClient(app.Redis).DeleteQueue(fixtureQueue, true) })
		relayTo(fixtureQueue)
		before := scrape(t, f.API.Handler)
		require.Zero(t, mustValue(t, before, "outbox_lag_seconds", nil))
		require.Zero(t, mustValue(t, before, "outbox_unpublished_events", nil))
		relayed := mustValue(t, before, "events_relayed_total", nil)
		_, ok := value(before, "queue_depth", map[string]string{"queue": workers.Queue, "state": "pending"})
		require.True(t, ok, "the workers' queue is reported before its first task")

		// Three events wait, the oldest an hour old.
		for i := range 3 {
			require.NoError(t, db.Client.OutboxEvent.Create().SetTenantID(f.TenantA.ID).SetTopic("test.metrics").
				SetPayload(map[string]any{"i": i}).Exec(sys()))
		}
		_, err := db.Client.OutboxEvent.Create().SetTopic("test.metrics").SetPayload(map[string]any{}).
			SetCreatedAt(time.Now().Add(-time.Hour)).Save(sys())
		require.NoError(t, err)
		waiting := scrape(t, f.API.Handler)
		require.GreaterOrEqual(t, mustValue(t, waiting, "outbox_lag_seconds", nil), time.Hour.Seconds())
		require.Equal(t, 4.0, mustValue(t, waiting, "outbox_unpublished_events", nil))

		require.Equal(t, 4, relay())
		after := scrape(t, f.API.Handler)
		require.Equal(t, relayed+4, mustValue(t, after, "events_relayed_total", nil))
		require.Zero(t, mustValue(t, after, "outbox_lag_seconds", nil))
		require.Equal(t, 4.0, mustValue(t, after, "queue_depth", map[string]string{"queue": queue, "state": "pending"}))
		require.Zero(t, mustValue(t, after, "queue_depth", map[string]string{"queue": queue, "state": "retry"}))
		_, ok = value(after, "queue_latency_seconds", map[string]string{"queue": queue})
		require.True(t, ok)

		// The relayed tasks keep their ids for the configured retention, which is what
		// makes a re-relay a no-op.
		info, err := asynq.NewInspectorFromRedisClient(app.Redis).ListPendingTasks(queue)
		require.NoError(t, err)
		require.Len(t, info, 4)
		for _, task := range info {
			require.Equal(t, 15*time.Minute, task.Retention)
		}

		app.Events.Delivery("succeeded")
		app.Events.Delivery("failed")
		app.Events.Retry()
		app.Events.Dead()
		app.Events.SubscriptionOpened()
		moved := scrape(t, f.API.Handler)
		require.Equal(t, 1.0, mustValue(t, moved, "webhook_deliveries_total", map[string]string{"status": "succeeded"}))
		require.Equal(t, 1.0, mustValue(t, moved, "webhook_deliveries_total", map[string]string{"status": "failed"}))
		require.Equal(t, 1.0, mustValue(t, moved, "webhook_retries_total", nil))
		require.Equal(t, 1.0, mustValue(t, moved, "webhook_dead_deliveries_total", nil))
		require.Equal(t, 1.0, mustValue(t, moved, "subscription_clients", nil))
		_, ok = value(moved, "http_requests_total", nil)
		require.True(t, ok, "the API's own metrics are served beside the pipeline's")

		// A worker running alone serves the same series, with its process's.
		alone := scrape(t, server.OpsOnly(app.Metrics, app.Ready()))
		require.Equal(t, relayed+4, mustValue(t, alone, "events_relayed_total", nil))
		require.Equal(t, 4.0, mustValue(t, alone, "queue_depth", map[string]string{"queue": queue, "state": "pending"}))
		_, ok = value(alone, "go_goroutines", nil)
		require.True(t, ok)
		rec := httptest.NewRecorder()
		server.OpsOnly(app.Metrics, app.Ready()).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	})
}
