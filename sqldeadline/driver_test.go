package sqldeadline_test

import (
	"context"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/platform"
	"github.com/dakkah/cityos/sqldeadline"
	"github.com/dakkah/cityos/sqlprep"
	"github.com/dakkah/cityos/testenv"
)

// endless is a statement that runs until it is stopped.
func endless(dialect string) string {
	if dialect == "postgres" {
		return "SELECT pg_sleep(3600)"
	}
	return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
}

func TestSlowStatementsAreCutOff(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		for name, inner := range map[string]sqldeadline.Inner{
			"prepared": sqlprep.Open(db.Dialect, db.SQL, 0),
			"plain":    entsql.OpenDB(db.Dialect, db.SQL),
		} {
			t.Run(name, func(t *testing.T) {
				drv := sqldeadline.Wrap(inner, 100*time.Millisecond)
				ctx := context.Background()
				slow := endless(db.Dialect)

				var rows entsql.Rows
				err := drv.Query(ctx, slow, []any{}, &rows)
				if err == nil { // SQLite may report the interruption while the rows are read
					for rows.Next() {
					}
					err = rows.Err()
					_ = rows.Close()
				}
				require.Error(t, err)

				_, err = drv.ExecContext(ctx, slow)
				require.Error(t, err)

				tx, err := drv.Tx(ctx)
				require.NoError(t, err)
				var txRows entsql.Rows
				err = tx.Query(ctx, slow, []any{}, &txRows)
				if err == nil {
					for txRows.Next() {
					}
					err = txRows.Err()
					_ = txRows.Close()
				}
				require.Error(t, err)
				_ = tx.Rollback()

				// A quick statement under a deadline is read to the end, after Query has
				// returned: the deadline goes with the rows. (A roomier one than the slow
				// statements': a loaded machine may take 100 ms for anything.)
				var quick entsql.Rows
				roomy := sqldeadline.Wrap(inner, 30*time.Second)
				require.NoError(t, roomy.Query(ctx, "SELECT 1 UNION ALL SELECT 2", []any{}, &quick))
				n := 0
				for quick.Next() {
					n++
				}
				require.NoError(t, quick.Err())
				require.NoError(t, quick.Close())
				assert.Equal(t, 2, n)
			})
		}
	})
}

// On PostgreSQL the server enforces the deadline too: the platform's connections carry
// statement_timeout.
func TestPostgresConnectionsCarryStatementTimeout(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		if db.Dialect != "postgres" {
			return
		}
		var got string
		require.NoError(t, db.SQL.QueryRowContext(context.Background(), "SHOW statement_timeout").Scan(&got))
		assert.Equal(t, platform.StatementTimeout.String(), got)
	})
}

// A request's deadline cuts its statements short, and once passed runs none.
func TestRequestDeadline(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		drv := sqldeadline.Wrap(sqlprep.Open(db.Dialect, db.SQL, 0), time.Hour)
		ctx := sqldeadline.WithRequestDeadline(context.Background(), time.Now().Add(100*time.Millisecond))
		var rows entsql.Rows
		err := drv.Query(ctx, endless(db.Dialect), []any{}, &rows)
		if err == nil {
			for rows.Next() {
			}
			err = rows.Err()
			_ = rows.Close()
		}
		require.Error(t, err)

		past := sqldeadline.WithRequestDeadline(context.Background(), time.Now().Add(-time.Second))
		_, err = drv.ExecContext(past, "SELECT 1")
		require.ErrorIs(t, err, context.DeadlineExceeded)
		_, err = drv.ExecContext(context.Background(), "SELECT 1")
		require.NoError(t, err)
	})
}
