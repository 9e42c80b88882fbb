package sqlprep_test

import (
	"context"
	"database/sql"
	"testing"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/sqlprep"
	"github.com/dakkah/cityos/testenv"
)

// probe makes a scratch table in the test's database and returns a Driver over it that
// keeps up to size statements.
func probe(t *testing.T, db *testenv.DB, size int) *sqlprep.Driver {
	t.Helper()
	_, err := db.SQL.Exec(`CREATE TABLE sqlprep_probe (id integer PRIMARY KEY, name text NOT NULL)`)
	require.NoError(t, err)
	return sqlprep.Open(db.Dialect, db.SQL, size)
}

const (
	insertProbe = `INSERT INTO sqlprep_probe (id, name) VALUES ($1, $2)`
	countProbe  = `SELECT count(*) FROM sqlprep_probe WHERE id >= $1`
)

func count(t *testing.T, ctx context.Context, q interface {
	Query(ctx context.Context, query string, args, v any) error
}, from int) int {
	t.Helper()
	var rows entsql.Rows
	require.NoError(t, q.Query(ctx, countProbe, []any{from}, &rows))
	defer rows.Close()
	require.True(t, rows.Next())
	var n int
	require.NoError(t, rows.Scan(&n))
	return n
}

func TestStatementsArePreparedOnceAndReused(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		d := probe(t, db, 0)
		require.NoError(t, d.Exec(ctx, insertProbe, []any{1, "first"}, nil))
		d.Settle()
		require.Equal(t, sqlprep.Stats{Misses: 1, Prepared: 1}, d.Stats(), "a new text runs unprepared, then is prepared")
		require.Equal(t, 1, d.Stats().Prepared)

		var res sql.Result
		require.NoError(t, d.Exec(ctx, insertProbe, []any{2, "second"}, &res))
		n, err := res.RowsAffected()
		require.NoError(t, err)
		require.EqualValues(t, 1, n)
		require.EqualValues(t, 1, d.Stats().Hits)

		require.Equal(t, 2, count(t, ctx, d, 1))
		d.Settle()
		require.Equal(t, 1, count(t, ctx, d, 2), "the prepared query takes its arguments")
		require.Equal(t, sqlprep.Stats{Hits: 2, Misses: 2, Prepared: 2}, d.Stats())
	})
}

func TestTransactionsRunPreparedStatementsOnTheirConnection(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		d := probe(t, db, 0)
		require.NoError(t, d.Exec(ctx, insertProbe, []any{1, "outside"}, nil))
		count(t, ctx, d, 0)
		d.Settle()
		before := d.Stats()

		tx, err := d.Tx(ctx)
		require.NoError(t, err)
		require.NoError(t, tx.Exec(ctx, insertProbe, []any{2, "inside"}, nil))
		require.Equal(t, 2, count(t, ctx, tx, 0), "the transaction sees its own row")
		require.NoError(t, tx.Rollback())
		require.Equal(t, 1, count(t, ctx, d, 0), "the rollback took the row away")
		require.Equal(t, before.Hits+3, d.Stats().Hits)
		require.Equal(t, before.Misses, d.Stats().Misses)

		tx, err = d.Tx(ctx)
		require.NoError(t, err)
		require.NoError(t, tx.Exec(ctx, insertProbe, []any{3, "committed"}, nil))
		require.NoError(t, tx.Commit())
		require.Equal(t, 2, count(t, ctx, d, 0))
	})
}

func TestTheLeastRecentlyUsedStatementIsClosedFirst(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		d := probe(t, db, 2)
		texts := []string{
			`SELECT count(*) FROM sqlprep_probe WHERE id = $1`,
			`SELECT count(*) FROM sqlprep_probe WHERE id < $1`,
			`SELECT count(*) FROM sqlprep_probe WHERE id > $1`,
		}
		run := func(text string) {
			rows, err := d.QueryContext(ctx, text, 1)
			require.NoError(t, err)
			require.NoError(t, rows.Close())
		}
		for _, text := range texts[:2] {
			run(text)
			d.Settle()
		}
		run(texts[0]) // the first is now the most recently used
		d.Settle()
		run(texts[2])
		d.Settle()
		require.Equal(t, 2, d.Stats().Prepared)

		hits := d.Stats().Hits
		run(texts[0])
		run(texts[2])
		require.Equal(t, hits+2, d.Stats().Hits, "the two most recently used stay prepared")
		misses := d.Stats().Misses
		run(texts[1])
		require.Equal(t, misses+1, d.Stats().Misses, "the least recently used was dropped")
	})
}

// A migration that changes the columns a prepared statement returns makes PostgreSQL
// refuse the statement once; the driver drops it, and the next run prepares it anew.
func TestAStatementOutdatedByAMigrationIsPreparedAgain(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		d := probe(t, db, 0)
		require.NoError(t, d.Exec(ctx, insertProbe, []any{1, "row"}, nil))
		const all = `SELECT * FROM sqlprep_probe WHERE id = $1`
		columns := func() ([]string, error) {
			rows, err := d.QueryContext(ctx, all, 1)
			if err != nil {
				return nil, err
			}
			defer rows.Close()
			return rows.Columns()
		}
		_, err := columns()
		require.NoError(t, err)
		d.Settle()
		_, err = columns()
		require.NoError(t, err)
		prepared := d.Stats().Prepared
		require.Equal(t, 2, prepared, "the insert and the select")

		_, err = db.SQL.Exec(`ALTER TABLE sqlprep_probe ADD COLUMN note text`)
		require.NoError(t, err)
		cols, err := columns()
		if err != nil { // PostgreSQL: the plan's columns changed
			require.ErrorContains(t, err, "cached plan must not change result type")
			require.Equal(t, prepared-1, d.Stats().Prepared, "the outdated statement was dropped")
			cols, err = columns()
		}
		require.NoError(t, err)
		require.Equal(t, []string{"id", "name", "note"}, cols)
	})
}

func TestCloseClosesStatementsAndPool(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		d := probe(t, db, 0)
		require.NoError(t, d.Exec(ctx, insertProbe, []any{1, "row"}, nil))
		d.Settle()
		require.NoError(t, d.Close())
		require.Zero(t, d.Stats().Prepared)
		require.Error(t, db.SQL.PingContext(ctx), "the pool is closed")
	})
}

// ent's count of ids runs as a count of rows, and answers the same.
func TestEntCountsRunAsCountsOfRows(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		ctx := context.Background()
		d := probe(t, db, 0)
		for i := range 3 {
			require.NoError(t, d.Exec(ctx, insertProbe, []any{i + 1, "row"}, nil))
		}
		q := entsql.Dialect(db.Dialect).Select().From(entsql.Table("sqlprep_probe"))
		q.Where(entsql.GTE(q.C("id"), 2)).Count(q.C("id"))
		text, args := q.Query()
		require.Contains(t, text, "COUNT(", "ent's shape: %s", text)
		var rows entsql.Rows
		require.NoError(t, d.Query(ctx, text, args, &rows))
		defer rows.Close()
		require.True(t, rows.Next())
		var n int
		require.NoError(t, rows.Scan(&n))
		require.Equal(t, 2, n)
	})
}
