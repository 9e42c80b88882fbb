package workers_test

import (
	"context"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
	"github.com/dakkah/cityos/workers"
)

// The periodic billing task, as the worker runs it, suspends a tenant past due beyond
// the grace period.
func TestBillingTaskSuspendsALapsedTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		bills := f.API.App.Billing
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		bills.Now = func() time.Time { return now }
		sys := viewer.SystemContext(context.Background(), "test")
		name, price := "Pro", int64(9900)
		_, err := bills.SetPlan(sys, plan.KeyPro, billing.PlanInput{Name: &name, Price: &price})
		require.NoError(t, err)
		_, err = bills.Subscribe(sys, f.TenantA.ID, plan.KeyPro, 0) // its first invoice is due at once
		require.NoError(t, err)

		now = now.Add(billing.DefaultGrace + time.Second)
		require.NoError(t, workers.Mux(f.API.App.WorkerDeps()).ProcessTask(context.Background(), asynq.NewTask(workers.TaskBilling, nil)))
		a, err := db.Client.Tenant.Get(sys, f.TenantA.ID)
		require.NoError(t, err)
		assert.Equal(t, tenant.StatusSuspended, a.Status)
		b, err := db.Client.Tenant.Get(sys, f.TenantB.ID)
		require.NoError(t, err)
		assert.Equal(t, tenant.StatusActive, b.Status)
	})
}
