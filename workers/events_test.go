package workers_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
	"github.com/dakkah/cityos/workers"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "workers-test") }

// mailbox is a provider that records what it sent and fails while fail is set.
type mailbox struct {
	mu       sync.Mutex
	sent     []notification.Message
	attempts int
	fail     error
}

func (m *mailbox) Send(_ context.Context, msg notification.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.attempts++
	if m.fail != nil {
		return m.fail
	}
	m.sent = append(m.sent, msg)
	return nil
}

func (m *mailbox) failWith(err error) { m.mu.Lock(); m.fail = err; m.mu.Unlock() }

func (m *mailbox) messages() []notification.Message {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]notification.Message(nil), m.sent...)
}

// env is a fixture, a mailbox, and a queue and Redis keys of the test's own.
type env struct {
	*testenv.Fixture
	db    *testenv.DB
	rdb   *redis.Client
	mail  *mailbox
	deps  workers.Deps
	queue string
}

func random(t *testing.T) string {
	b := make([]byte, 6)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}

func newEnv(t *testing.T, db *testenv.DB) *env {
	t.Helper()
	rdb, _ := testenv.Redis(t)
	e := &env{Fixture: testenv.NewFixture(t, db), db: db, rdb: rdb, mail: &mailbox{}, queue: "test-" + random(t)}
	prefix := "test-" + random(t) + ":"
	e.deps = workers.Deps{
		Client: db.Client, Redis: rdb, Notifier: e.mail, KeyPrefix: prefix,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	t.Cleanup(func() {
		ctx := context.Background()
		_ = asynq.NewInspectorFromRedisClient(rdb).DeleteQueue(e.queue, true)
		keys, _ := rdb.Keys(ctx, prefix+"*").Result()
		if len(keys) > 0 {
			_ = rdb.Del(ctx, keys...).Err()
		}
	})
	return e
}

var displayIDs atomic.Int64

// order writes a placed order of store A1 straight to the database: 2 thobes and an
// abaya, SAR 575.00 with shipping and tax.
func (e *env) order(t *testing.T, email string) *ent.Order {
	t.Helper()
	display := int(1000 + displayIDs.Add(1))
	o, err := e.db.Client.Order.Create().SetTenantID(e.TenantA.ID).SetStoreID(e.StoreA1.ID).SetDisplayID(display).
		SetIdempotencyKey("key-" + random(t)).SetEmail(email).SetCurrencyCode("SAR").
		SetSubtotal(50000).SetShippingTotal(2500).SetTaxTotal(5000).SetTotal(57500).
		SetPaymentProvider("manual").SetShippingMethod("Standard").Save(sys())
	require.NoError(t, err)
	for _, l := range []struct {
		title string
		qty   int
		total int64
	}{{"The thobe", 2, 30000}, {"The abaya", 1, 20000}} {
		require.NoError(t, e.db.Client.OrderLineItem.Create().SetTenantID(e.TenantA.ID).SetOrderID(o.ID).
			SetTitle(l.title).SetSku("SKU").SetQuantity(l.qty).SetUnitPrice(l.total/int64(l.qty)).SetTotal(l.total).Exec(sys()))
	}
	return o
}

// task relays the outbox and returns the task of the latest event of topic about order
// id, as a worker would receive it.
func (e *env) task(t *testing.T, topic string, id int) *asynq.Task {
	t.Helper()
	_, err := outbox.Relay(context.Background(), e.db.Client, asynq.NewClientFromRedisClient(e.rdb), asynq.Queue(e.queue))
	require.NoError(t, err)
	ev, err := e.db.Client.OutboxEvent.Query().Where(outboxevent.Topic(topic), outboxevent.AggregateType("order"),
		outboxevent.AggregateID(id)).Order(ent.Desc(outboxevent.FieldID)).First(sys())
	require.NoError(t, err)
	info, err := asynq.NewInspectorFromRedisClient(e.rdb).GetTaskInfo(e.queue, outbox.TaskID(ev.ID))
	require.NoError(t, err)
	return asynq.NewTask(info.Type, info.Payload)
}

// ship marks o shipped, which raises order.shipped.
func (e *env) ship(t *testing.T, o *ent.Order) {
	t.Helper()
	require.NoError(t, e.db.Client.Order.UpdateOne(o).SetFulfillmentStatus(order.FulfillmentStatusShipped).Exec(sys()))
}

func (e *env) process(task *asynq.Task) error {
	return workers.Mux(e.deps).ProcessTask(context.Background(), task)
}

func TestOrderPlacedSendsOneConfirmation(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		o := e.order(t, "buyer@example.com")
		task := e.task(t, outbox.OrderPlaced, o.ID)
		require.Equal(t, "event:order.placed", task.Type())

		require.NoError(t, e.process(task))
		sent := e.mail.messages()
		require.Len(t, sent, 1)
		m := sent[0]
		require.Equal(t, "buyer@example.com", m.To)
		require.Equal(t, "A One: order #"+itoa(o.DisplayID)+" confirmed", m.Subject)
		require.Contains(t, m.Text, "2 × The thobe — SAR 300.00")
		require.Contains(t, m.Text, "1 × The abaya — SAR 200.00")
		require.Contains(t, m.Text, "Total: SAR 575.00")
		require.Contains(t, m.HTML, "SAR 575.00")

		require.NoError(t, e.process(task), "a redelivery succeeds")
		require.Len(t, e.mail.messages(), 1, "and sends nothing")
		require.Equal(t, 1, e.mail.attempts)
	})
}

func TestOrderShippedSendsAShippingNotice(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		o := e.order(t, "buyer@example.com")
		e.ship(t, o)
		placed, shipped := e.task(t, outbox.OrderPlaced, o.ID), e.task(t, outbox.OrderShipped, o.ID)
		require.NoError(t, e.process(placed))
		require.NoError(t, e.process(shipped))
		require.NoError(t, e.process(shipped))

		sent := e.mail.messages()
		require.Len(t, sent, 2, "one confirmation and one shipping notice: distinct events, each sent once")
		require.Equal(t, "buyer@example.com", sent[1].To)
		require.Equal(t, "A One: order #"+itoa(o.DisplayID)+" has shipped", sent[1].Subject)
		require.Contains(t, sent[1].Text, "Shipping method: Standard")
	})
}

func TestFailedSendIsRetriedAndThenSentOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		o := e.order(t, "buyer@example.com")
		task := e.task(t, outbox.OrderPlaced, o.ID)

		e.mail.failWith(errors.New("provider unavailable"))
		err := e.process(task)
		require.ErrorContains(t, err, "provider unavailable", "the error reaches asynq")
		require.NotErrorIs(t, err, asynq.SkipRetry, "so asynq retries with backoff")
		err = e.process(task)
		require.ErrorContains(t, err, "provider unavailable", "a failed send leaves no claim behind")
		require.Empty(t, e.mail.messages())

		e.mail.failWith(nil)
		require.NoError(t, e.process(task))
		require.NoError(t, e.process(task))
		require.Len(t, e.mail.messages(), 1, "the retry sends once; later deliveries send nothing")
		require.Equal(t, 3, e.mail.attempts)
	})
}

func TestConcurrentDeliveryDoesNotSendWhileAnotherWorkerIs(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		o := e.order(t, "buyer@example.com")
		task := e.task(t, outbox.OrderPlaced, o.ID)
		ev, err := outbox.DecodeEvent(task.Type(), task.Payload())
		require.NoError(t, err)

		// Another worker holds the claim on this event: this delivery backs off.
		claim := e.deps.KeyPrefix + "notifying:" + itoa(ev.ID)
		require.NoError(t, e.rdb.Set(context.Background(), claim, "1", 0).Err())
		require.Error(t, e.process(task))
		require.Zero(t, e.mail.attempts)

		require.NoError(t, e.rdb.Del(context.Background(), claim).Err())
		require.NoError(t, e.process(task))
		require.Len(t, e.mail.messages(), 1)
	})
}

// A worker catching up on a backlog may take an order's order.shipped before its
// order.placed: the shipping notice waits (its task is retried) until the confirmation
// is recorded as sent, so the shopper reads them in order.
func TestShippingNoticeWaitsForTheConfirmation(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		o := e.order(t, "buyer@example.com")
		e.ship(t, o)
		placed, shipped := e.task(t, outbox.OrderPlaced, o.ID), e.task(t, outbox.OrderShipped, o.ID)

		err := e.process(shipped)
		require.ErrorContains(t, err, "waits for its confirmation")
		require.NotErrorIs(t, err, asynq.SkipRetry, "asynq retries it later")
		require.Empty(t, e.mail.messages())

		e.mail.failWith(errors.New("provider unavailable"))
		require.Error(t, e.process(placed))
		require.Error(t, e.process(shipped), "a confirmation that failed to go out is not sent")
		e.mail.failWith(nil)

		require.NoError(t, e.process(placed))
		require.NoError(t, e.process(shipped))
		sent := e.mail.messages()
		require.Len(t, sent, 2)
		require.Contains(t, sent[0].Subject, "confirmed")
		require.Contains(t, sent[1].Subject, "has shipped")
	})
}

// Order events queued before events named their aggregate carried {"orderId": id}: a
// worker upgraded with such tasks in its queue still sends their e-mails.
func TestLegacyOrderEventsStillSend(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		o := e.order(t, "buyer@example.com")
		body, err := json.Marshal(outbox.Event{ID: 987654320, Topic: outbox.OrderPlaced, Payload: json.RawMessage(`{"orderId":` + itoa(o.ID) + `}`)})
		require.NoError(t, err)
		require.NoError(t, e.process(asynq.NewTask(outbox.TaskType(outbox.OrderPlaced), body)))
		sent := e.mail.messages()
		require.Len(t, sent, 1)
		require.Contains(t, sent[0].Subject, "#"+itoa(o.DisplayID)+" confirmed")
	})
}

func TestBrokenEventsAreNotRetried(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		err := e.process(asynq.NewTask(outbox.TaskType(outbox.OrderPlaced), []byte("not json")))
		require.ErrorIs(t, err, asynq.SkipRetry, "a payload that is not an event")

		// A consumer that can never succeed with an event gives up on it alone: the task is
		// not retried for the others.
		gone, err := json.Marshal(outbox.Event{ID: 987654321, Topic: outbox.OrderPlaced, AggregateType: "order", AggregateID: 987654})
		require.NoError(t, err)
		require.NoError(t, e.process(asynq.NewTask(outbox.TaskType(outbox.OrderPlaced), gone)), "an order that does not exist")

		o := e.order(t, "")
		require.NoError(t, e.process(e.task(t, outbox.OrderPlaced, o.ID)), "an order without an email is nothing to send")
		require.Zero(t, e.mail.attempts)
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
