package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// lockedBuffer is output the follower writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}
func (b *lockedBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.buf.String() }

// cityos events tail prints one line an event (id, time, type, tenant and store handles,
// aggregate and sequence), oldest first, filtered by tenant and type; -f keeps printing.
// The test's events have types of their own ("test.…"), so events the fixture raised
// stay out of the way.
func TestEventsTail(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		ctx := viewer.SystemContext(context.Background(), "test")
		at := time.Date(2026, 12, 5, 1, 2, 3, 400_000_000, time.UTC)
		line := map[int]string{}
		add := func(tenant *ent.Tenant, store *ent.Store, topic, agg string, aggID int, seq int64) int {
			c := db.Client.OutboxEvent.Create().SetTopic(topic).SetPayload(map[string]any{}).SetCreatedAt(at).
				SetAggregateType(agg).SetAggregateID(aggID).SetSequence(seq)
			tenantName, storeName, aggName := "-", "-", "-"
			if tenant != nil {
				c.SetTenantID(tenant.ID)
				tenantName = tenant.Handle
			}
			if store != nil {
				c.SetStoreID(store.ID)
				storeName = store.Handle
			}
			if agg != "" {
				aggName = fmt.Sprintf("%s:%d", agg, aggID)
			}
			e, err := c.Save(ctx)
			require.NoError(t, err)
			line[e.ID] = fmt.Sprintf("evt_%016d  2026-12-05T01:02:03.400Z  %-28s  tenant=%s  store=%s  %s  seq=%d\n",
				e.ID, topic, tenantName, storeName, aggName, seq)
			return e.ID
		}
		placedA := add(f.TenantA, f.StoreA1, "test.order.placed", "order", 17, 1)
		placedB := add(f.TenantB, f.StoreB1, "test.order.placed", "order", 18, 1)
		tenantA := add(f.TenantA, nil, "test.tenant.updated", "tenant", f.TenantA.ID, 4)
		platform := add(nil, nil, "test.platform", "", 0, 0)
		show := func(ids ...int) string {
			var b strings.Builder
			for _, id := range ids {
				b.WriteString(line[id])
			}
			return b.String()
		}
		tail := func(tenantArg, typ string, n int) string {
			t.Helper()
			var out bytes.Buffer
			tenantID, err := tenantOf(ctx, db.Client, tenantArg)
			require.NoError(t, err)
			require.NoError(t, (&tailer{client: db.Client, out: &out, tenantID: tenantID, typ: typ, n: n}).run(ctx))
			return out.String()
		}

		require.Equal(t, show(placedA, placedB, tenantA, platform), tail("", "test.*", 20))
		require.Equal(t, show(tenantA, platform), tail("", "test.*", 2), "the most recent, oldest first")
		require.Equal(t, show(placedA, placedB), tail("", "test.order.*", 20))
		require.Equal(t, show(placedA, tenantA), tail(f.TenantA.Handle, "test.*", 20), "by handle")
		require.Equal(t, show(placedB), tail(fmt.Sprint(f.TenantB.ID), "test.*", 20), "by id")
		require.Equal(t, show(platform), tail("", "test.platform", 20))
		require.Empty(t, tail("", "test.order", 20), "a type is exact unless it ends in .*")
		_, err := tenantOf(ctx, db.Client, "no-such-tenant")
		require.ErrorContains(t, err, "no-such-tenant")

		// -f: the recent ones, then each new one as it is written, until interrupted.
		var out lockedBuffer
		fctx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() {
			done <- (&tailer{client: db.Client, out: &out, typ: "test.*", n: 1, follow: true, every: 5 * time.Millisecond}).run(fctx)
		}()
		require.Eventually(t, func() bool { return out.String() == show(platform) }, 10*time.Second, 5*time.Millisecond)
		later := add(f.TenantA, f.StoreA1, "test.order.shipped", "order", 17, 2)
		require.Eventually(t, func() bool { return out.String() == show(platform, later) }, 10*time.Second, 5*time.Millisecond)
		stop()
		require.NoError(t, <-done)
	})
}
