package access_test

import (
	"database/sql"
	"fmt"
	"sort"
	"testing"

	"entgo.io/ent/dialect/sql/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	entmigrate "github.com/dakkah/cityos/ent/migrate"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/testenv"
)

// Mutation cells each need the fixture as it was built, and building it (migrations,
// password hashes, sign-ins) is what costs. So a mutation cell borrows a database from a
// pool, restores the fixture's rows from a snapshot taken right after the fixture was
// built, and gets an API of its own over it: the same state as a fresh fixture.
//
// A trigger on every model table counts the rows written to it (matrix_writes), so a
// restore copies back only the tables a cell wrote, and those that reference them, and
// a refused write is caught by any row it wrote, read or not by a later query.

// snapDB is a database holding a built fixture, a snapshot of its rows and the write
// counters.
type snapDB struct {
	base   *fx
	tables []string // model tables, every table after the ones it references
	refs   map[string][]string
}

// snapshotPrefix names the snapshot copy of a table.
const snapshotPrefix = "matrix_snapshot_"

// writesSkipped are tables whose rows change on reads (a key's last use, sessions) or
// that are checked on their own (the audit log).
var writesSkipped = map[string]bool{"audit_logs": true, "api_keys": true, "refresh_tokens": true}

func newSnapDB(t testing.TB, db *testenv.DB) *snapDB {
	t.Helper()
	s := &snapDB{base: newFx(t, db), tables: tablesInOrder(), refs: referencedBy()}
	exec := func(q string) {
		t.Helper()
		if _, err := db.SQL.Exec(q); err != nil {
			t.Fatalf("snapshot: %s: %v", q, err)
		}
	}
	exec(`CREATE TABLE matrix_writes (name text PRIMARY KEY, n integer NOT NULL)`)
	if db.Dialect == "postgres" {
		exec(`CREATE FUNCTION matrix_count_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
			INSERT INTO matrix_writes VALUES (TG_TABLE_NAME, 1) ON CONFLICT (name) DO UPDATE SET n = matrix_writes.n + 1;
			RETURN NULL; END $$`)
	}
	for _, tb := range s.tables {
		exec(fmt.Sprintf(`CREATE TABLE %q AS SELECT * FROM %q`, snapshotPrefix+tb, tb))
		if db.Dialect == "postgres" {
			exec(fmt.Sprintf(`CREATE TRIGGER matrix_writes AFTER INSERT OR UPDATE OR DELETE ON %q
				FOR EACH ROW EXECUTE FUNCTION matrix_count_write()`, tb))
			continue
		}
		for _, ev := range []string{"INSERT", "UPDATE", "DELETE"} {
			exec(fmt.Sprintf(`CREATE TRIGGER %q AFTER %s ON %q BEGIN
				INSERT INTO matrix_writes VALUES ('%s', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1; END`,
				"matrix_writes_"+tb+"_"+ev, ev, tb, tb))
		}
	}
	return s
}

// tablesInOrder lists the model's tables so that each comes after those it references.
func tablesInOrder() []string {
	var out []string
	done := map[*schema.Table]bool{}
	var visit func(*schema.Table)
	visit = func(tb *schema.Table) {
		if done[tb] {
			return
		}
		done[tb] = true
		for _, fk := range tb.ForeignKeys {
			visit(fk.RefTable)
		}
		out = append(out, tb.Name)
	}
	for _, tb := range entmigrate.Tables {
		visit(tb)
	}
	return out
}

// referencedBy maps each table to the tables with a foreign key to it.
func referencedBy() map[string][]string {
	out := map[string][]string{}
	for _, tb := range entmigrate.Tables {
		for _, fk := range tb.ForeignKeys {
			out[fk.RefTable.Name] = append(out[fk.RefTable.Name], tb.Name)
		}
	}
	return out
}

// writes reads the write counters: rows written to each table since the last restore.
func writes(t testing.TB, q interface {
	Query(string, ...any) (*sql.Rows, error)
}) map[string]int {
	t.Helper()
	rows, err := q.Query(`SELECT name, n FROM matrix_writes`)
	if err != nil {
		t.Fatalf("read write counters: %v", err)
	}
	defer func() { _ = rows.Close() }()
	out := map[string]int{}
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatalf("read write counters: %v", err)
		}
		out[name] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("read write counters: %v", err)
	}
	return out
}

// restore puts the database back in the state of the snapshot: the tables written since
// the last restore and, since their rows are deleted and inserted again, every table
// that references one of them.
func (s *snapDB) restore(t testing.TB) {
	t.Helper()
	db := s.base.DB
	tx, err := db.SQL.Begin()
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	defer func() { _ = tx.Rollback() }()
	exec := func(q string) {
		t.Helper()
		if _, err := tx.Exec(q); err != nil {
			t.Fatalf("restore: %s: %v", q, err)
		}
	}
	dirty := map[string]bool{}
	var mark func(string)
	mark = func(tb string) {
		if dirty[tb] {
			return
		}
		dirty[tb] = true
		for _, r := range s.refs[tb] {
			mark(r)
		}
	}
	for tb := range writes(t, tx) {
		mark(tb)
	}
	if len(dirty) == 0 {
		return
	}
	// DELETE, not TRUNCATE: on PostgreSQL, truncating a dozen tiny tables costs more than
	// emptying them (new files for every table).
	for i := len(s.tables) - 1; i >= 0; i-- {
		if dirty[s.tables[i]] {
			exec(fmt.Sprintf(`DELETE FROM %q`, s.tables[i]))
		}
	}
	overriding := ""
	if db.Dialect == "postgres" {
		overriding = " OVERRIDING SYSTEM VALUE"
	}
	for _, tb := range s.tables {
		if dirty[tb] {
			exec(fmt.Sprintf(`INSERT INTO %q%s SELECT * FROM %q`, tb, overriding, snapshotPrefix+tb))
		}
	}
	exec(`DELETE FROM matrix_writes`)
	if err := tx.Commit(); err != nil {
		t.Fatalf("restore: commit: %v", err)
	}
}

// written lists the tables, other than writesSkipped, with rows written between two
// readings of the write counters.
func written(before, after map[string]int) []string {
	var out []string
	for tb, n := range after {
		if n != before[tb] && !writesSkipped[tb] {
			out = append(out, tb)
		}
	}
	sort.Strings(out)
	return out
}

// cellPool lends the databases of one dialect to mutation cells, one cell at a time each.
type cellPool struct{ free chan *snapDB }

// newCellPool builds n databases of the dialect, each with the fixture and its snapshot.
func newCellPool(t *testing.T, dialect string, n int) *cellPool {
	t.Helper()
	p := &cellPool{free: make(chan *snapDB, n)}
	for i := 0; i < n; i++ {
		p.free <- newSnapDB(t, freshDB(t, dialect))
	}
	return p
}

// fixture returns the fixture, as freshly built, for the duration of t.
func (p *cellPool) fixture(t *testing.T) *fx {
	t.Helper()
	s := <-p.free
	t.Cleanup(func() { p.free <- s })
	s.restore(t)
	f := *s.base
	com := *s.base.Commerce
	fix := *com.Fixture
	fix.API = testenv.NewAPI(t, s.base.DB, testenv.Config()) // and so a cold store-resolution cache
	offline(t, fix.API)
	com.Fixture = &fix
	f.Commerce = &com
	return &f
}

// TestSnapshotRestore: the write counters see rows written to any model table, and a
// restore puts back the snapshot's rows, in the written tables and in those referencing
// them, and sets the counters to zero.
func TestSnapshotRestore(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		s := newSnapDB(t, db)
		ctx, c := sysCtx(), db.Client
		companies := c.Company.Query().CountX(ctx)
		before := writes(t, db.SQL)
		require.NoError(t, c.Store.UpdateOneID(s.base.StoreA1.ID).SetName("Renamed").Exec(ctx))
		require.NoError(t, c.Company.Create().SetTenantID(s.base.TenantA.ID).SetHandle("ca-new").SetName("New").
			SetCurrencyCode("SAR").Exec(ctx))
		// (Each change raises its event.)
		assert.Equal(t, []string{"companies", "outbox_events", "stores"}, written(before, writes(t, db.SQL)))

		s.restore(t)
		assert.Equal(t, "A One", c.Store.GetX(ctx, s.base.StoreA1.ID).Name)
		assert.Equal(t, companies, c.Company.Query().CountX(ctx))
		assert.Empty(t, writes(t, db.SQL))
		// The orders of A1 reference the store: they were put back with it.
		assert.Equal(t, 1, c.Order.Query().Where(order.ID(s.base.OrderA1.ID)).CountX(ctx))
	})
}
