package outbox_test

import (
	"context"
	"os"
	"testing"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
)

// BenchmarkRelay relays b.N events, written beforehand, to the queue: events/s is the
// relay's throughput (PostgreSQL when CITYOS_TEST_DATABASE_URL is set, else SQLite).
func BenchmarkRelay(b *testing.B) {
	var db *testenv.DB
	if u := os.Getenv("CITYOS_TEST_DATABASE_URL"); u != "" {
		db = testenv.Postgres(b, u)
	} else {
		db = testenv.SQLite(b)
	}
	rdb, _ := testenv.Redis(b)
	queue := "bench-relay-" + b.Name()
	insp := asynq.NewInspectorFromRedisClient(rdb)
	b.Cleanup(func() { _ = insp.DeleteQueue(queue, true) })
	ctx := sys()
	for left := b.N; left > 0; left -= 500 {
		n := min(left, 500)
		rows := make([]*ent.OutboxEventCreate, n)
		for i := range rows {
			rows[i] = db.Client.OutboxEvent.Create().SetTopic(outbox.OrderPlaced).SetAggregateType("order").
				SetAggregateID(i + 1).SetSequence(1).SetPayload(map[string]any{"id": i + 1, "status": "pending"})
		}
		if err := db.Client.OutboxEvent.CreateBulk(rows...).Exec(ctx); err != nil {
			b.Fatal(err)
		}
	}
	q := asynq.NewClientFromRedisClient(rdb)
	b.ResetTimer()
	n, err := outbox.Relay(context.Background(), db.Client, q, asynq.Queue(queue))
	if err != nil || n != b.N {
		b.Fatalf("relayed %d of %d: %v", n, b.N, err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
