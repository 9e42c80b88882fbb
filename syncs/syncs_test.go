package syncs_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	entgo "entgo.io/ent"
	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/syncs"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "syncs-test") }

// service is a sync service enqueueing into a queue of the test's own.
func service(t *testing.T, client *ent.Client) (*syncs.Service, *asynq.Inspector, string) {
	t.Helper()
	rdb, _ := testenv.Redis(t)
	b := make([]byte, 6)
	_, err := rand.Read(b)
	require.NoError(t, err)
	q := "test-" + hex.EncodeToString(b)
	in := asynq.NewInspectorFromRedisClient(rdb)
	t.Cleanup(func() { _ = in.DeleteQueue(q, true) })
	return syncs.New(client, asynq.NewClientFromRedisClient(rdb), asynq.Queue(q)), in, q
}

func endpoint(t *testing.T, c *ent.Client, tenantID int, storeID *int, types ...string) *ent.IntegrationEndpoint {
	t.Helper()
	ep, err := c.IntegrationEndpoint.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).
		SetURL("https://hooks.example.com/in").SetEventTypes(types).SetSecret("whsec_dGVzdA==").Save(sys())
	require.NoError(t, err)
	return ep
}

// sentTo counts the events targeted at the endpoint by aggregate "type:id".
func sentTo(t *testing.T, c *ent.Client, endpointID int) map[string]int {
	t.Helper()
	evs, err := c.OutboxEvent.Query().Where(outboxevent.TargetEndpointID(endpointID)).All(sys())
	require.NoError(t, err)
	out := map[string]int{}
	for _, e := range evs {
		require.Equal(t, e.AggregateType+".snapshot", e.Topic)
		out[e.AggregateType+":"+testenv.ID(e.AggregateID)]++
	}
	return out
}

// tenantRows is every row a full sync of tenant's whole state sends, as "type:id".
func tenantRows(t *testing.T, c *ent.Client, tenantID int) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	add := func(typ string) func([]int, error) {
		return func(ids []int, err error) {
			require.NoError(t, err)
			for _, id := range ids {
				out[typ+":"+testenv.ID(id)] = true
			}
		}
	}
	ctx := sys()
	add("store")(c.Store.Query().Where(store.TenantID(tenantID)).IDs(ctx))
	add("sales_channel")(c.SalesChannel.Query().Where(saleschannel.TenantID(tenantID)).IDs(ctx))
	add("product")(c.Product.Query().Where(product.TenantID(tenantID)).IDs(ctx))
	add("variant")(c.ProductVariant.Query().Where(productvariant.TenantID(tenantID)).IDs(ctx))
	add("price")(c.Price.Query().Where(price.TenantID(tenantID)).IDs(ctx))
	add("inventory")(c.InventoryLevel.Query().Where(inventorylevel.TenantID(tenantID)).IDs(ctx))
	add("customer")(c.User.Query().Where(user.HasMembershipsWith(membership.TenantID(tenantID), membership.RoleEQ(membership.RoleCustomer))).IDs(ctx))
	return out
}

// A full sync killed after its first page resumes at its cursor: every row of the
// tenant reaches the endpoint exactly once, none of another tenant's, and the progress
// read between the runs is the first page's.
func TestFullSyncResumesWhereItStopped(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		com := testenv.NewCommerce(t, db)
		svc, in, q := service(t, db.Client)
		svc.PageSize = 2
		ep := endpoint(t, db.Client, com.TenantA.ID, nil, "*")

		var pages atomic.Int32
		var kill atomic.Bool
		kill.Store(true)
		db.Client.SyncJob.Use(func(next ent.Mutator) ent.Mutator {
			return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
				if _, moved := m.(*ent.SyncJobMutation).CursorID(); moved && m.Op().Is(entgo.OpUpdateOne) && kill.Load() {
					if pages.Add(1) == 2 {
						return nil, errors.New("worker killed")
					}
				}
				return next.Mutate(ctx, m)
			})
		})

		job, err := svc.Start(sys(), ep.ID, syncjob.KindFull, nil)
		require.NoError(t, err)
		require.Equal(t, syncjob.StatusQueued, job.Status)
		task, err := in.GetTaskInfo(q, syncs.TaskID(job.ID))
		require.NoError(t, err, "startSync enqueues the job's task")
		require.Equal(t, syncs.TaskType, task.Type)

		require.ErrorContains(t, svc.Run(sys(), job.ID), "worker killed")
		mid, err := db.Client.SyncJob.Get(sys(), job.ID)
		require.NoError(t, err)
		want := tenantRows(t, db.Client, com.TenantA.ID)
		require.Equal(t, syncjob.StatusRunning, mid.Status)
		require.Equal(t, len(want), mid.Total, "the total is counted when the job starts")
		require.Equal(t, 2, mid.Sent, "the first page was committed, the second was not")
		require.Equal(t, "store", mid.CursorEntity)
		require.Len(t, sentTo(t, db.Client, ep.ID), 2)

		kill.Store(false)
		require.NoError(t, svc.Run(sys(), job.ID), "the retry resumes")
		done, err := db.Client.SyncJob.Get(sys(), job.ID)
		require.NoError(t, err)
		require.Equal(t, syncjob.StatusSucceeded, done.Status)
		require.Equal(t, len(want), done.Sent)
		require.NotNil(t, done.FinishedAt)

		got := sentTo(t, db.Client, ep.ID)
		require.Len(t, got, len(want))
		for key, n := range got {
			require.True(t, want[key], "%s is not tenant A's", key)
			require.Equal(t, 1, n, "%s sent once", key)
		}
		require.NoError(t, svc.Run(sys(), job.ID), "a finished job's repeated task does nothing")
		require.Len(t, sentTo(t, db.Client, ep.ID), len(want))

		evs, err := db.Client.OutboxEvent.Query().Where(outboxevent.TargetEndpointID(ep.ID)).All(sys())
		require.NoError(t, err)
		for _, e := range evs {
			require.Equal(t, com.TenantA.ID, *e.TenantID)
			require.GreaterOrEqual(t, e.Sequence, int64(1), "a snapshot carries its row's version")
			require.EqualValues(t, e.Payload["version"], e.Sequence)
			require.NotContains(t, e.Payload, "password_hash")
			require.NotContains(t, e.Payload, "edges")
			require.EqualValues(t, e.AggregateID, e.Payload["id"])
		}
	})
}

// An endpoint limited to a store, subscribed to some events, gets snapshots of those
// aggregates only, and of its store's rows only.
func TestFullSyncFollowsSubscriptionsAndStore(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		com := testenv.NewCommerce(t, db)
		svc, _, _ := service(t, db.Client)
		ep := endpoint(t, db.Client, com.TenantA.ID, &com.StoreA1.ID, "store.*", "sales_channel.snapshot", "order.placed")
		job, err := svc.Start(sys(), ep.ID, syncjob.KindFull, nil)
		require.NoError(t, err)
		require.NoError(t, svc.Run(sys(), job.ID))
		require.Equal(t, map[string]int{
			"store:" + testenv.ID(com.StoreA1.ID):           1,
			"sales_channel:" + testenv.ID(com.ChannelA1.ID): 1,
		}, sentTo(t, db.Client, ep.ID))
	})
}

// Syncs of one endpoint do not pile up: past MaxUnfinished queued or running, a start
// is refused; once one finishes, the next is taken.
func TestUnfinishedSyncsAreBounded(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		com := testenv.NewCommerce(t, db)
		svc, _, _ := service(t, db.Client)
		ep := endpoint(t, db.Client, com.TenantA.ID, nil, "store.*")
		var jobs []*ent.SyncJob
		for range syncs.MaxUnfinished {
			job, err := svc.Start(sys(), ep.ID, syncjob.KindFull, nil)
			require.NoError(t, err)
			jobs = append(jobs, job)
		}
		_, err := svc.Start(sys(), ep.ID, syncjob.KindIncremental, nil)
		var refused *apperr.Error
		require.ErrorAs(t, err, &refused)
		require.Equal(t, apperr.Conflict, refused.Code)
		other := endpoint(t, db.Client, com.TenantA.ID, nil, "store.*")
		_, err = svc.Start(sys(), other.ID, syncjob.KindFull, nil)
		require.NoError(t, err, "the bound is per endpoint")

		require.NoError(t, svc.Run(sys(), jobs[0].ID))
		_, err = svc.Start(sys(), ep.ID, syncjob.KindFull, nil)
		require.NoError(t, err, "a finished sync makes room")
	})
}

// Starts of one endpoint racing each other: exactly MaxUnfinished are taken, the others
// refused, however they interleave.
func TestConcurrentStartsKeepTheBound(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		com := testenv.NewCommerce(t, db)
		svc, _, _ := service(t, db.Client)
		ep := endpoint(t, db.Client, com.TenantA.ID, nil, "store.*")
		const racers = 10
		errs := make([]error, racers)
		var wg sync.WaitGroup
		for i := range racers {
			wg.Go(func() { _, errs[i] = svc.Start(sys(), ep.ID, syncjob.KindFull, nil) })
		}
		wg.Wait()
		taken := 0
		for _, err := range errs {
			if err == nil {
				taken++
				continue
			}
			require.Equal(t, apperr.Conflict, apperr.CodeOf(err), "%v", err)
		}
		require.Equal(t, syncs.MaxUnfinished, taken)
		n, err := db.Client.SyncJob.Query().Where(syncjob.EndpointID(ep.ID)).Count(sys())
		require.NoError(t, err)
		require.Equal(t, syncs.MaxUnfinished, n)
	})
}

// Only tenant admins start syncs, of their own tenant's endpoints; the job's progress is
// readable through the API.
func TestStartSyncThroughTheAPI(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		com := testenv.NewCommerce(t, db)
		ep := endpoint(t, db.Client, com.TenantA.ID, nil, "product.*")
		api := com.API
		const start = `mutation($e: ID!, $k: SyncJobKind!) { startSync(endpointId: $e, kind: $k) { id status kind } }`
		testenv.RequireError(t, api.Do(t, com.As(testenv.TenantAdminB), start, map[string]any{"e": testenv.ID(ep.ID), "k": "full"}), "NOT_FOUND")
		testenv.RequireError(t, api.Do(t, com.As(testenv.TenantAdminA), start, map[string]any{"e": testenv.ID(ep.ID), "k": "reconcile"}), "BAD_USER_INPUT", "kind")

		var r struct {
			StartSync struct{ ID, Status, Kind string }
		}
		api.MustDo(t, com.As(testenv.TenantAdminA), start, map[string]any{"e": testenv.ID(ep.ID), "k": "full"}).Decode(t, &r)
		require.Equal(t, "queued", r.StartSync.Status)
		require.NoError(t, api.App.Syncs.Run(sys(), testenv.Atoi(t, r.StartSync.ID)))

		const read = `query($id: ID!) { node(id: $id) { ... on SyncJob { status total sent failed cursorEntity startedAt finishedAt endpoint { id } } } }`
		var n struct {
			Node struct {
				Status                string
				Total, Sent, Failed   int
				CursorEntity          string
				StartedAt, FinishedAt *string
				Endpoint              struct{ ID string }
			}
		}
		api.MustDo(t, com.As(testenv.TenantAdminA), read, map[string]any{"id": r.StartSync.ID}).Decode(t, &n)
		require.Equal(t, "succeeded", n.Node.Status)
		require.Equal(t, 4, n.Node.Total, "every product of tenant A (thobe, abaya, hijab, draft-oud)")
		require.Equal(t, 4, n.Node.Sent)
		require.Equal(t, "product", n.Node.CursorEntity)
		require.NotNil(t, n.Node.FinishedAt)
		require.Equal(t, testenv.ID(ep.ID), n.Node.Endpoint.ID)

		// Tenant B never sees tenant A's jobs.
		testenv.RequireError(t, api.Do(t, com.As(testenv.TenantAdminB), read, map[string]any{"id": r.StartSync.ID}), "NOT_FOUND")
	})
}
