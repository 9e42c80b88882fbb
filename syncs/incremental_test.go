package syncs_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/testenv"
)

// An incremental sync re-sends the tenant's events the endpoint subscribes to, as copies
// for it alone: not another tenant's, not events targeted at other endpoints, not those
// the endpoint itself caused, not those before since.
func TestIncrementalSyncResendsSubscribedEvents(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _, _ := service(t, db.Client)
		svc.PageSize = 2
		ep := endpoint(t, db.Client, f.TenantA.ID, nil, "order.*")
		other := endpoint(t, db.Client, f.TenantA.ID, nil, "*")
		add := func(tenantID int, topic string, aggregateID int, mod func(*ent.OutboxEventCreate)) int {
			c := db.Client.OutboxEvent.Create().SetTenantID(tenantID).SetTopic(topic).SetAggregateType("order").
				SetAggregateID(aggregateID).SetSequence(int64(aggregateID)).SetPayload(map[string]any{"orderId": aggregateID})
			if mod != nil {
				mod(c)
			}
			return c.SaveX(sys()).ID
		}
		since := time.Now().Add(-time.Minute)
		add(f.TenantA.ID, "order.placed", 1, func(c *ent.OutboxEventCreate) { c.SetCreatedAt(since.Add(-time.Hour)) }) // before since
		want := []int{
			add(f.TenantA.ID, "order.placed", 2, nil),
			add(f.TenantA.ID, "order.shipped", 3, nil),
			add(f.TenantA.ID, "order.canceled", 4, nil),
		}
		add(f.TenantA.ID, "product.updated", 5, nil)                                                             // not subscribed
		add(f.TenantB.ID, "order.placed", 6, nil)                                                                // another tenant
		add(f.TenantA.ID, "order.placed", 7, func(c *ent.OutboxEventCreate) { c.SetTargetEndpointID(other.ID) }) // another endpoint's
		add(f.TenantA.ID, "order.placed", 8, func(c *ent.OutboxEventCreate) { c.SetOriginEndpointID(ep.ID) })    // its own change

		job, err := svc.Start(sys(), ep.ID, syncjob.KindIncremental, &since)
		require.NoError(t, err)
		require.NoError(t, svc.Run(sys(), job.ID))
		copies, err := db.Client.OutboxEvent.Query().Where(outboxevent.TargetEndpointID(ep.ID)).Order(outboxevent.ByID()).All(sys())
		require.NoError(t, err)
		require.Len(t, copies, len(want))
		for i, c := range copies {
			orig, err := db.Client.OutboxEvent.Get(sys(), want[i])
			require.NoError(t, err)
			require.Equal(t, orig.Topic, c.Topic)
			require.Equal(t, orig.AggregateID, c.AggregateID)
			require.Equal(t, orig.Sequence, c.Sequence, "a receiver tells a re-sent change by its sequence")
			require.Equal(t, orig.Payload, c.Payload)
		}
		done, err := db.Client.SyncJob.Get(sys(), job.ID)
		require.NoError(t, err)
		require.Equal(t, syncjob.StatusSucceeded, done.Status)
		require.Equal(t, 3, done.Sent)
		require.Equal(t, 3, done.Total)

		// The next incremental sync starts where this one started: with nothing new since, it
		// re-sends what came after that start only.
		next, err := svc.Start(sys(), ep.ID, syncjob.KindIncremental, nil)
		require.NoError(t, err)
		require.NoError(t, svc.Run(sys(), next.ID))
		again, err := db.Client.SyncJob.Get(sys(), next.ID)
		require.NoError(t, err)
		require.Equal(t, syncjob.StatusSucceeded, again.Status)
		require.Zero(t, again.Sent, "no event of tenant A came after the last sync started")
	})
}
