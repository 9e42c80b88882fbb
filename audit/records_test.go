package audit_test

import (
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/txn"
)

// TestRecordsOfATransactionInOneStatement: a transaction's audit rows and events are
// written together just before it commits, on PostgreSQL in one statement, elsewhere in
// one INSERT per table, and read back as the changes made them.
func TestRecordsOfATransactionInOneStatement(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		client, log := testenv.CountedClient(db)
		ctx := sys("records")
		thobe, gadget := c.Products["thobe"], c.Products["gadget"]
		log.Take()
		require.NoError(t, txn.Run(ctx, client, func(tx *ent.Tx) error {
			if err := tx.Product.UpdateOneID(thobe.ID).SetTitle(thobe.Title + ", renamed").Exec(ctx); err != nil {
				return err
			}
			return tx.Product.UpdateOneID(gadget.ID).SetTitle(gadget.Title + ", renamed").Exec(ctx)
		}))
		var writes []string
		for _, st := range log.Take() {
			if strings.Contains(st.SQL, "audit_logs") || strings.Contains(st.SQL, "outbox_events") {
				writes = append(writes, st.SQL)
			}
		}
		if db.Dialect == dialect.Postgres {
			require.Len(t, writes, 1, "%q", writes)
			assert.Contains(t, writes[0], "audit_logs")
			assert.Contains(t, writes[0], "outbox_events")
		} else {
			require.Len(t, writes, 2, "%q", writes)
			assert.True(t, strings.HasPrefix(writes[0], "INSERT INTO `audit_logs`"), writes[0])
			assert.True(t, strings.HasPrefix(writes[1], "INSERT INTO `outbox_events`"), writes[1])
		}

		logs, err := db.Client.AuditLog.Query().Where(auditlog.Actor("system:records")).Order(auditlog.ByID()).All(ctx)
		require.NoError(t, err)
		require.Len(t, logs, 2)
		for i, p := range []*ent.Product{thobe, gadget} {
			l := logs[i]
			assert.Equal(t, "update", l.Action)
			assert.Equal(t, "Product", l.EntityType)
			assert.Equal(t, p.ID, l.EntityID)
			require.NotNil(t, l.TenantID)
			assert.Equal(t, p.TenantID, *l.TenantID)
			assert.Nil(t, l.StoreID, "a product is its tenant's, not a store's")
			assert.Nil(t, l.RequestID, "no request made the change")
			assert.Equal(t, map[string]any{"before": p.Title, "after": p.Title + ", renamed"}, l.Diff["title"])
			assert.False(t, l.CreatedAt.IsZero())
		}

		events, err := db.Client.OutboxEvent.Query().Where(outboxevent.TopicEQ("product.updated"),
			outboxevent.AggregateIDIn(thobe.ID, gadget.ID)).Order(outboxevent.ByID()).All(ctx)
		require.NoError(t, err)
		require.Len(t, events, 2)
		for i, p := range []*ent.Product{thobe, gadget} {
			e := events[i]
			assert.Equal(t, "product", e.AggregateType)
			assert.Equal(t, p.ID, e.AggregateID)
			require.NotNil(t, e.TenantID)
			assert.Equal(t, p.TenantID, *e.TenantID)
			assert.Equal(t, p.Version+1, e.Sequence)
			assert.Equal(t, p.Title+", renamed", e.Payload["title"])
			assert.Nil(t, e.OriginEndpointID)
			assert.Nil(t, e.PublishedAt)
		}
	})
}
