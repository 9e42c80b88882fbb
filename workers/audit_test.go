package workers_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
	"github.com/dakkah/cityos/workers"
)

// TestJobsAreAuditedWithoutRequestID: the scheduled domain check verifies a domain; its
// audit row names the job and has no request id (null, not "").
func TestJobsAreAuditedWithoutRequestID(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		ctx := viewer.SystemContext(context.Background(), "test")
		added, err := f.API.App.Tenancy.AddDomain(ctx, f.StoreA1.ID, "job.example.com")
		require.NoError(t, err)
		deps := workers.Deps{
			Client: db.Client, Tenancy: f.API.App.Tenancy,
			LookupTXT: func(_ context.Context, name string) ([]string, error) {
				if name == added.TxtRecordName {
					return []string{added.TxtRecordValue}, nil
				}
				return nil, nil
			},
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		}
		require.NoError(t, workers.Mux(deps).ProcessTask(context.Background(), asynq.NewTask(workers.TaskVerifyDomains, nil)))

		rows, err := db.Client.AuditLog.Query().Where(auditlog.EntityType("Domain"), auditlog.EntityID(added.Domain.ID),
			auditlog.Action("update")).All(ctx)
		require.NoError(t, err)
		require.Len(t, rows, 1)
		assert.Contains(t, rows[0].Actor, "system:")
		assert.Nil(t, rows[0].RequestID)
		assert.Equal(t, map[string]any{"before": "pending", "after": "verified"}, rows[0].Diff["status"])
		n, err := db.Client.AuditLog.Query().Where(auditlog.EntityID(added.Domain.ID), auditlog.RequestIDIsNil()).Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 2, n, "the domain's creation here and its verification: no request, null")
	})
}
