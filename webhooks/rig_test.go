package webhooks_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
	"github.com/dakkah/cityos/webhooks"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "webhooks-test") }

func random(t testing.TB) string {
	b := make([]byte, 6)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}

// captured is one request a receiver got.
type captured struct {
	Header http.Header
	Body   []byte
}

// receiver is a local webhook receiver. answer decides each response's status (200
// when nil); it records every request and, like a careful receiver, the distinct
// webhook-ids it saw.
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	got    []captured
	answer func(n int, c captured) int
}

func newReceiver(t testing.TB) *receiver {
	r := &receiver{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		c := captured{Header: req.Header.Clone(), Body: body}
		r.mu.Lock()
		r.got = append(r.got, c)
		n, answer := len(r.got), r.answer
		r.mu.Unlock()
		code := http.StatusOK
		if answer != nil {
			code = answer(n, c)
		}
		w.WriteHeader(code)
		_, _ = w.Write([]byte("receiver says " + http.StatusText(code)))
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) setAnswer(f func(n int, c captured) int) { r.mu.Lock(); r.answer = f; r.mu.Unlock() }

func (r *receiver) requests() []captured {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]captured(nil), r.got...)
}

// ids is the set of distinct webhook-ids received: what a de-duplicating receiver applied.
func (r *receiver) ids() map[string]bool {
	out := map[string]bool{}
	for _, c := range r.requests() {
		out[c.Header.Get(stdwebhook.HeaderID)] = true
	}
	return out
}

// rig is a fixture, a delivery service on a queue of the test's own, and a clock.
type rig struct {
	*testenv.Fixture
	db    *testenv.DB
	rdb   *redis.Client
	queue string
	svc   *webhooks.Service
	now   time.Time
}

func newRig(t *testing.T, db *testenv.DB) *rig {
	t.Helper()
	rdb, _ := testenv.Redis(t)
	r := &rig{Fixture: testenv.NewFixture(t, db), db: db, rdb: rdb, queue: "test-wh-" + random(t)}
	r.now = time.Now()
	cfg := webhooks.DefaultConfig()
	cfg.Schedule = []time.Duration{time.Minute, 2 * time.Minute} // three attempts
	cfg.DeadStreak = 2
	r.svc = &webhooks.Service{
		Client: db.Client, HTTP: &http.Client{}, Queue: asynq.NewClientFromRedisClient(rdb),
		QueueOptions: []asynq.Option{asynq.Queue(r.queue)}, Config: cfg,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now:    func() time.Time { return r.now },
	}
	// The API's service is this one, so mutations deliver and queue as the test does.
	*r.API.App.Webhooks = *r.svc
	r.svc = r.API.App.Webhooks
	t.Cleanup(func() { _ = asynq.NewInspectorFromRedisClient(rdb).DeleteQueue(r.queue, true) })
	return r
}

// endpoint makes an enabled endpoint of the tenant at url hearing patterns.
func (r *rig) endpoint(t *testing.T, tenantID int, storeID *int, url string, patterns ...string) *ent.IntegrationEndpoint {
	t.Helper()
	secret, err := stdwebhook.NewSecret()
	require.NoError(t, err)
	ep, err := r.db.Client.IntegrationEndpoint.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).
		SetURL(url).SetEventTypes(patterns).SetSecret(secret).Save(sys())
	require.NoError(t, err)
	return ep
}

// raise writes an event to the outbox and returns it as the relay hands it to consumers.
func (r *rig) raise(t *testing.T, tenantID int, storeID *int, topic string, payload map[string]any) outbox.Event {
	t.Helper()
	row, err := r.db.Client.OutboxEvent.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).SetTopic(topic).
		SetAggregateType("order").SetAggregateID(42).SetSequence(3).SetPayload(payload).Save(sys())
	require.NoError(t, err)
	row, err = r.db.Client.OutboxEvent.Get(sys(), row.ID) // as the relay reads it
	require.NoError(t, err)
	encoded, err := json.Marshal(row.Payload)
	require.NoError(t, err)
	return outbox.Envelope(row, encoded)
}

// drain runs every queued delivery task, scheduled ones too (the test does not wait out
// a retry's delay), until none is left; it returns how many ran.
func (r *rig) drain(t *testing.T) int {
	t.Helper()
	insp := asynq.NewInspectorFromRedisClient(r.rdb)
	ran := 0
	for {
		pending, err := insp.ListPendingTasks(r.queue, asynq.PageSize(1000))
		if errors.Is(err, asynq.ErrQueueNotFound) { // nothing was ever queued
			return ran
		}
		require.NoError(t, err)
		scheduled, err := insp.ListScheduledTasks(r.queue, asynq.PageSize(1000))
		require.NoError(t, err)
		tasks := append(pending, scheduled...)
		if len(tasks) == 0 {
			return ran
		}
		for _, info := range tasks {
			require.Equal(t, webhooks.TaskDeliver, info.Type)
			a, err := webhooks.DecodeAttempt(info.Payload)
			require.NoError(t, err)
			require.NoError(t, insp.DeleteTask(r.queue, info.ID))
			_, err = r.svc.Deliver(context.Background(), a)
			require.NoError(t, err)
			ran++
		}
	}
}

// attempts lists an endpoint's attempts in the order they were made.
func (r *rig) attempts(t *testing.T, endpointID int) []*ent.WebhookDelivery {
	t.Helper()
	rows, err := r.db.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(endpointID)).
		Order(webhookdelivery.ByID()).All(sys())
	require.NoError(t, err)
	return rows
}

func (r *rig) reload(t *testing.T, ep *ent.IntegrationEndpoint) *ent.IntegrationEndpoint {
	t.Helper()
	out, err := r.db.Client.IntegrationEndpoint.Get(sys(), ep.ID)
	require.NoError(t, err)
	return out
}

func ptr[T any](v T) *T { return &v }

// pending is the attempts queued to run now (not the scheduled retries), taken off the queue.
func (r *rig) pending(t *testing.T) []webhooks.Attempt {
	t.Helper()
	insp := asynq.NewInspectorFromRedisClient(r.rdb)
	tasks, err := insp.ListPendingTasks(r.queue, asynq.PageSize(1000))
	if errors.Is(err, asynq.ErrQueueNotFound) {
		return nil
	}
	require.NoError(t, err)
	out := make([]webhooks.Attempt, 0, len(tasks))
	for _, info := range tasks {
		a, err := webhooks.DecodeAttempt(info.Payload)
		require.NoError(t, err)
		require.NoError(t, insp.DeleteTask(r.queue, info.ID))
		out = append(out, a)
	}
	return out
}
