package platform_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/asynccommit"
	"github.com/dakkah/cityos/testenv"
)

// A request's statements run on a session that commits asynchronously while the request
// defers its commits, and on one that waits for the disk otherwise; Settle's flush makes
// what was committed asynchronously durable.
func TestDeferredCommitsRunOnTheDeferredPool(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		setting := func(ctx context.Context) string {
			rows, err := db.Client.QueryContext(ctx, "SELECT current_setting('synchronous_commit')")
			require.NoError(t, err)
			defer rows.Close()
			require.True(t, rows.Next())
			var v string
			require.NoError(t, rows.Scan(&v))
			return v
		}
		if db.Dialect != "postgres" {
			assert.Nil(t, db.Deferred, "SQLite has one writer and no asynchronous commit")
			return
		}
		ctx := context.Background()
		assert.Equal(t, "on", setting(ctx))
		deferred := asynccommit.Defer(ctx)
		assert.Equal(t, "off", setting(deferred))

		// A commit made deferred is on disk once Settle has run the flush.
		_, err := db.Client.ExecContext(deferred, "CREATE TABLE flush_probe (n int)")
		require.NoError(t, err)
		_, err = db.Client.ExecContext(deferred, "INSERT INTO flush_probe VALUES (1)")
		require.NoError(t, err)
		var written string
		require.NoError(t, db.SQL.QueryRow("SELECT pg_current_wal_insert_lsn()::text").Scan(&written))
		require.NoError(t, asynccommit.Settle(deferred, func(ctx context.Context) error {
			_, err := db.Client.ExecContext(ctx, asynccommit.FlushSQL)
			return err
		}))
		var onDisk bool
		require.NoError(t, db.SQL.QueryRow("SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn", written).Scan(&onDisk))
		assert.True(t, onDisk, "the WAL is flushed past the deferred commit")
		assert.Equal(t, "on", setting(deferred), "a settled request commits durably")

		ctx = asynccommit.Defer(ctx)
		asynccommit.Require(ctx)
		assert.Equal(t, "on", setting(ctx), "a request that required durability")
	})
}
