package workers_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/syncs"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
	"github.com/dakkah/cityos/workers"
)

// The workers run a sync job's task to the end, and a reconciliation tick repairs drift.
func TestSyncAndReconcileTasks(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		ctx := viewer.SystemContext(context.Background(), "test")
		deps := f.API.App.WorkerDeps()
		// A Redis of the test's own: the reconciler relays every pending event.
		mr := miniredis.RunT(t)
		deps.Redis = redis.NewClient(&redis.Options{Addr: mr.Addr()})
		deps.Queue = asynq.NewClientFromRedisClient(deps.Redis)

		ep := db.Client.IntegrationEndpoint.Create().SetTenantID(f.TenantA.ID).SetURL("https://hooks.example.com").
			SetEventTypes([]string{"store.*"}).SetSecret("whsec_dGVzdA==").SaveX(ctx)
		job, err := deps.Syncs.Start(ctx, ep.ID, syncjob.KindFull, nil)
		require.NoError(t, err)
		body, err := json.Marshal(map[string]int{"jobId": job.ID})
		require.NoError(t, err)
		require.NoError(t, workers.Mux(deps).ProcessTask(context.Background(), asynq.NewTask(syncs.TaskType, body)))
		done := db.Client.SyncJob.GetX(ctx, job.ID)
		require.Equal(t, syncjob.StatusSucceeded, done.Status)
		require.Equal(t, 2, done.Sent, "tenant A's two stores")

		bare := db.Client.Store.Create().SetTenantID(f.TenantA.ID).SetHandle("bare").SetName("Bare").SaveX(ctx)
		require.NoError(t, workers.Mux(deps).ProcessTask(context.Background(), asynq.NewTask(workers.TaskReconcile, nil)))
		require.True(t, db.Client.SalesChannel.Query().Where(saleschannel.StoreID(bare.ID)).ExistX(ctx))
		require.True(t, db.Client.SyncJob.Query().Where(syncjob.KindEQ(syncjob.KindReconcile), syncjob.TenantID(f.TenantA.ID)).ExistX(ctx))
	})
}
