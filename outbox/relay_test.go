package outbox_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	entgo "entgo.io/ent"
	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "outbox-test") }

// queue is an asynq client and inspector on a queue of the test's own, so tests sharing a
// Redis never see each other's tasks.
type queue struct {
	name      string
	client    *asynq.Client
	inspector *asynq.Inspector
}

func newQueue(t *testing.T) *queue {
	t.Helper()
	rdb, _ := testenv.Redis(t)
	b := make([]byte, 6)
	_, err := rand.Read(b)
	require.NoError(t, err)
	q := &queue{name: "test-" + hex.EncodeToString(b), client: asynq.NewClientFromRedisClient(rdb), inspector: asynq.NewInspectorFromRedisClient(rdb)}
	t.Cleanup(func() { _ = q.inspector.DeleteQueue(q.name, true) })
	return q
}

func (q *queue) relay(t *testing.T, client *ent.Client) (int, error) {
	t.Helper()
	return outbox.Relay(context.Background(), client, q.client, asynq.Queue(q.name))
}

func (q *queue) pending(t *testing.T) []*asynq.TaskInfo {
	t.Helper()
	tasks, err := q.inspector.ListPendingTasks(q.name, asynq.PageSize(1000))
	require.NoError(t, err)
	return tasks
}

// addEvent writes an outbox row as the events hook would, and returns its id.
func addEvent(t *testing.T, client *ent.Client, tenantID int, topic string, payload map[string]any) int {
	t.Helper()
	c := client.OutboxEvent.Create().SetTopic(topic).SetPayload(payload).
		SetAggregateType("order").SetAggregateID(41).SetSequence(3)
	if tenantID != 0 {
		c.SetTenantID(tenantID)
	}
	ev, err := c.Save(sys())
	require.NoError(t, err)
	return ev.ID
}

// settle marks every event so far published: the events a fixture's writes raised are
// none of a relay test's business.
func settle(t *testing.T, client *ent.Client) {
	t.Helper()
	require.NoError(t, client.OutboxEvent.Update().Where(outboxevent.PublishedAtIsNil()).
		SetPublishedAt(time.Now()).Exec(sys()))
}

func unpublished(t *testing.T, client *ent.Client) int {
	t.Helper()
	n, err := client.OutboxEvent.Query().Where(outboxevent.PublishedAtIsNil()).Count(sys())
	require.NoError(t, err)
	return n
}

func TestRelayPublishesEachEventOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		settle(t, db.Client)
		q := newQueue(t)
		placed := addEvent(t, db.Client, f.TenantA.ID, outbox.OrderPlaced, map[string]any{"id": 41})
		shipped := addEvent(t, db.Client, f.TenantB.ID, outbox.OrderShipped, map[string]any{"id": 42})
		platform := addEvent(t, db.Client, 0, "platform.ping", map[string]any{"hello": "world"})

		n, err := q.relay(t, db.Client)
		require.NoError(t, err)
		require.Equal(t, 3, n)
		n, err = q.relay(t, db.Client)
		require.NoError(t, err)
		require.Zero(t, n, "a second run finds nothing to publish")
		require.Zero(t, unpublished(t, db.Client))

		tasks := q.pending(t)
		require.Len(t, tasks, 3, "each event is enqueued exactly once")
		byID := map[string]*asynq.TaskInfo{}
		for _, ti := range tasks {
			byID[ti.ID] = ti
		}
		for id, want := range map[int]struct {
			topic  string
			tenant *int
		}{placed: {outbox.OrderPlaced, &f.TenantA.ID}, shipped: {outbox.OrderShipped, &f.TenantB.ID}, platform: {"platform.ping", nil}} {
			ti := byID[outbox.TaskID(id)]
			require.NotNil(t, ti, "task outbox-%d", id)
			require.Equal(t, "event:"+want.topic, ti.Type)
			require.Equal(t, outbox.MaxRetry, ti.MaxRetry)
			ev, err := outbox.DecodeEvent(ti.Type, ti.Payload)
			require.NoError(t, err)
			require.Equal(t, id, ev.ID)
			require.Equal(t, want.topic, ev.Topic)
			require.Equal(t, want.tenant, ev.TenantID)
		}
		// The envelope carries every column of the row.
		row, err := db.Client.OutboxEvent.Get(sys(), placed)
		require.NoError(t, err)
		ev := mustDecode(t, byID[outbox.TaskID(placed)])
		require.Equal(t, "order", ev.AggregateType)
		require.Equal(t, 41, ev.AggregateID)
		require.Equal(t, int64(3), ev.Sequence)
		require.True(t, row.CreatedAt.Equal(ev.OccurredAt), "occurredAt is when the row was written")
		require.JSONEq(t, `{"id":41}`, string(ev.Payload))
		require.JSONEq(t, `{"hello":"world"}`, string(mustDecode(t, byID[outbox.TaskID(platform)]).Payload))
	})
}

func mustDecode(t *testing.T, ti *asynq.TaskInfo) outbox.Event {
	t.Helper()
	ev, err := outbox.DecodeEvent(ti.Type, ti.Payload)
	require.NoError(t, err)
	return ev
}

// A relay that enqueues and then fails to mark the events (the database went away, or
// the process crashed) leaves them unpublished; the next run finds their tasks already
// queued and only marks them.
func TestRelayNeverEnqueuesTwiceWhenMarkingFails(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		q := newQueue(t)
		var failMarks atomic.Bool
		db.Client.OutboxEvent.Use(func(next ent.Mutator) ent.Mutator {
			return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
				if m.Op().Is(entgo.OpUpdate|entgo.OpUpdateOne) && failMarks.Load() {
					return nil, errors.New("connection reset")
				}
				return next.Mutate(ctx, m)
			})
		})
		for i := 0; i < 3; i++ {
			addEvent(t, db.Client, 0, outbox.OrderPlaced, map[string]any{"id": 100 + i})
		}

		failMarks.Store(true)
		n, err := q.relay(t, db.Client)
		require.ErrorContains(t, err, "connection reset")
		require.Zero(t, n)
		require.Equal(t, 3, unpublished(t, db.Client), "the events stay unpublished")
		require.Len(t, q.pending(t), 3, "but their tasks are queued")

		failMarks.Store(false)
		n, err = q.relay(t, db.Client)
		require.NoError(t, err)
		require.Equal(t, 3, n, "the retry marks them")
		n, err = q.relay(t, db.Client)
		require.NoError(t, err)
		require.Zero(t, n)
		require.Zero(t, unpublished(t, db.Client))
		require.Len(t, q.pending(t), 3, "and nothing was enqueued twice")
	})
}

// More events than a batch are all published, batch by batch in id order.
func TestRelayWorksInBatches(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		q := newQueue(t)
		const count = outbox.BatchSize + 7
		ids := make([]int, count)
		for i := range count {
			addEvent(t, db.Client, 0, outbox.OrderPlaced, map[string]any{"id": i + 1})
		}
		all, err := db.Client.OutboxEvent.Query().Order(outboxevent.ByID()).IDs(sys())
		require.NoError(t, err)
		copy(ids, all)

		n, err := q.relay(t, db.Client)
		require.NoError(t, err)
		require.Equal(t, count, n)
		tasks := q.pending(t)
		require.Len(t, tasks, count)
		got := make([]int, len(tasks))
		for i, ti := range tasks {
			var ev outbox.Event
			require.NoError(t, json.Unmarshal(ti.Payload, &ev))
			got[i] = ev.ID
		}
		require.ElementsMatch(t, ids, got, "every event is queued")
		require.ElementsMatch(t, ids[:outbox.BatchSize], got[:outbox.BatchSize], "the first batch first")
	})
}
