package workers_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
	"github.com/dakkah/cityos/workers"
)

func TestVerifyPendingDomains(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		ctx := viewer.SystemContext(context.Background(), "test")
		published, err := f.API.App.Tenancy.AddDomain(ctx, f.StoreA1.ID, "published.example.com")
		require.NoError(t, err)
		missing, err := f.API.App.Tenancy.AddDomain(ctx, f.StoreB1.ID, "missing.example.com")
		require.NoError(t, err)

		dns := map[string][]string{published.TxtRecordName: {"unrelated", published.TxtRecordValue}}
		lookups := 0
		deps := workers.Deps{
			Client: db.Client, Tenancy: f.API.App.Tenancy,
			LookupTXT: func(_ context.Context, name string) ([]string, error) {
				lookups++
				return dns[name], nil
			},
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		}
		err = workers.Mux(deps).ProcessTask(context.Background(), asynq.NewTask(workers.TaskVerifyDomains, nil))
		require.NoError(t, err)
		require.Equal(t, 2, lookups, "each pending domain is checked once; verified ones are left alone")

		got, err := db.Client.Domain.Get(ctx, published.Domain.ID)
		require.NoError(t, err)
		require.Equal(t, domain.StatusVerified, got.Status)
		require.NotNil(t, got.VerifiedAt)
		got, err = db.Client.Domain.Get(ctx, missing.Domain.ID)
		require.NoError(t, err)
		require.Equal(t, domain.StatusPending, got.Status, "a record not yet published keeps the domain pending")

		res := f.API.MustDo(t, f.As(testenv.Anonymous), `{ resolveStore(host: "published.example.com") { strategy store { handle } } }`, nil)
		require.JSONEq(t, `{"resolveStore":{"strategy":"CUSTOM_DOMAIN","store":{"handle":"a1"}}}`, string(res.Data))
	})
}
