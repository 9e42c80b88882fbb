package platform_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"

	"github.com/dakkah/cityos/ent"
	entmigrate "github.com/dakkah/cityos/ent/migrate"
	"github.com/dakkah/cityos/platform"
	"github.com/dakkah/cityos/testenv"
)

// emptyDB is an unmigrated database of one dialect.
type emptyDB struct {
	dialect string
	client  *ent.Client
	db      *sql.DB
	open    func(t *testing.T) *sql.DB // another pool on the same database
}

// eachEmpty runs fn on an empty SQLite file and, when CITYOS_TEST_DATABASE_URL is set, an
// empty PostgreSQL schema of its own.
func eachEmpty(t *testing.T, fn func(t *testing.T, e emptyDB)) {
	t.Run("sqlite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "test.db")
		open := func(t *testing.T) *sql.DB {
			client, db, err := platform.OpenSQLite(path)
			if err != nil {
				t.Fatalf("open sqlite: %v", err)
			}
			t.Cleanup(func() { _ = client.Close() })
			return db
		}
		client, db, err := platform.OpenSQLite(path)
		if err != nil {
			t.Fatalf("open sqlite: %v", err)
		}
		t.Cleanup(func() { _ = client.Close() })
		fn(t, emptyDB{dialect: "sqlite", client: client, db: db, open: open})
	})
	base := os.Getenv("CITYOS_TEST_DATABASE_URL")
	if base == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		admin, err := sql.Open("postgres", base)
		if err != nil {
			t.Fatalf("open postgres: %v", err)
		}
		t.Cleanup(func() { _ = admin.Close() })
		name := fmt.Sprintf("mig_%d_%s", os.Getpid(), strings.ToLower(strings.NewReplacer("/", "_", "-", "_").Replace(t.Name())))
		if len(name) > 63 {
			name = name[:63]
		}
		if _, err := admin.Exec(`DROP SCHEMA IF EXISTS "` + name + `" CASCADE; CREATE SCHEMA "` + name + `"`); err != nil {
			t.Fatalf("create schema: %v", err)
		}
		t.Cleanup(func() { _, _ = admin.Exec(`DROP SCHEMA "` + name + `" CASCADE`) })
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		q.Set("search_path", name)
		u.RawQuery = q.Encode()
		open := func(t *testing.T) *sql.DB {
			client, db, err := platform.OpenPostgres(u.String())
			if err != nil {
				t.Fatalf("open postgres: %v", err)
			}
			t.Cleanup(func() { _ = client.Close() })
			return db
		}
		client, db, err := platform.OpenPostgres(u.String())
		if err != nil {
			t.Fatalf("open postgres: %v", err)
		}
		t.Cleanup(func() { _ = client.Close() })
		fn(t, emptyDB{dialect: "postgres", client: client, db: db, open: open})
	})
}

func migrate(t *testing.T, dialect string, db *sql.DB) {
	t.Helper()
	if err := platform.Migrate(context.Background(), dialect, db); err != nil {
		t.Fatalf("migrate: %v", err)
	}
}

// latest is the version of the last embedded migration of the dialect.
func latest(t *testing.T, dialect string) uint {
	t.Helper()
	names, err := fs.Glob(platform.Migrations, "migrations/"+dialect+"/*.up.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded migrations for %s (%v)", dialect, err)
	}
	v, _, _ := strings.Cut(filepath.Base(names[len(names)-1]), "_")
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return uint(n)
}

func version(t *testing.T, db *sql.DB) (v uint, dirty bool) {
	t.Helper()
	if err := db.QueryRow("SELECT version, dirty FROM schema_migrations").Scan(&v, &dirty); err != nil {
		t.Fatalf("schema_migrations: %v", err)
	}
	return v, dirty
}

// TestMigrationsMatchSchema fails when the ent schema changed without a migration: run
// `go run ./cmd/migrategen <name>` (or go generate) and commit platform/migrations.
func TestMigrationsMatchSchema(t *testing.T) {
	eachEmpty(t, func(t *testing.T, e emptyDB) {
		migrate(t, e.dialect, e.db)
		drift, err := platform.SchemaDrift(context.Background(), e.dialect, e.db)
		if err != nil {
			t.Fatal(err)
		}
		if len(drift) > 0 {
			t.Fatalf("the migrations do not produce the ent schema; run `go run ./cmd/migrategen <name>`. Missing:\n%s", strings.Join(drift, "\n"))
		}
		if v, dirty := version(t, e.db); v != latest(t, e.dialect) || dirty {
			t.Fatalf("version %d (dirty %v), want %d", v, dirty, latest(t, e.dialect))
		}
	})
}

// TestSchemaDriftSeesChanges keeps the drift test honest: a database missing a column
// and an index reports both.
func TestSchemaDriftSeesChanges(t *testing.T) {
	eachEmpty(t, func(t *testing.T, e emptyDB) {
		migrate(t, e.dialect, e.db)
		for _, stmt := range []string{"DROP INDEX subcategory_category_id_handle", "ALTER TABLE tenants DROP COLUMN country"} {
			if _, err := e.db.Exec(stmt); err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		drift, err := platform.SchemaDrift(context.Background(), e.dialect, e.db)
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(drift, "\n")
		if !strings.Contains(all, "country") || !strings.Contains(all, "subcategory_category_id_handle") {
			t.Fatalf("drift does not name the missing column and index:\n%s", all)
		}
	})
}

func TestMigrateTwiceIsNoop(t *testing.T) {
	eachEmpty(t, func(t *testing.T, e emptyDB) {
		migrate(t, e.dialect, e.db)
		v1, _ := version(t, e.db)
		before := schemaDump(t, e.dialect, e.db)
		migrate(t, e.dialect, e.db)
		v2, dirty := version(t, e.db)
		if v1 != v2 || dirty {
			t.Fatalf("version %d → %d (dirty %v)", v1, v2, dirty)
		}
		if after := schemaDump(t, e.dialect, e.db); after != before {
			t.Fatalf("second migration changed the schema:\n%s\n---\n%s", before, after)
		}
	})
}

// TestMigrateConcurrently starts several migrations of one empty database at once, each
// on a pool of its own, as instances starting together would.
func TestMigrateConcurrently(t *testing.T) {
	eachEmpty(t, func(t *testing.T, e emptyDB) {
		const n = 4
		pools := make([]*sql.DB, n)
		for i := range pools {
			pools[i] = e.open(t)
		}
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i, db := range pools {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = platform.Migrate(context.Background(), e.dialect, db)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("migration %d: %v", i, err)
			}
		}
		if v, dirty := version(t, e.db); v != latest(t, e.dialect) || dirty {
			t.Fatalf("version %d (dirty %v), want %d", v, dirty, latest(t, e.dialect))
		}
	})
}

// TestMigrateAdoptsAutoMigratedDatabase: a database made by the automatic migration of
// earlier versions is taken over without re-creating its tables.
func TestMigrateAdoptsAutoMigratedDatabase(t *testing.T) {
	eachEmpty(t, func(t *testing.T, e emptyDB) {
		autoMigrate(t, e)
		migrate(t, e.dialect, e.db)
		if v, dirty := version(t, e.db); v != latest(t, e.dialect) || dirty {
			t.Fatalf("version %d (dirty %v), want %d", v, dirty, latest(t, e.dialect))
		}
		migrate(t, e.dialect, e.db)
	})
}

// autoMigrate makes e's database as the automatic migration of earlier versions did,
// in the earlier version's own process: on a pool of its own, gone when this one runs.
// (On SQLite, ent's automatic migration turns foreign_keys off and back on through its
// pool rather than on its transaction's connection, so that pool may keep a connection
// with them off; and a new file turns WAL on its first connection, which must not race
// the others.)
func autoMigrate(t *testing.T, e emptyDB) {
	t.Helper()
	ctx := context.Background()
	pool := e.open(t)
	defer pool.Close()
	if err := pool.PingContext(ctx); err != nil {
		t.Fatal(err)
	}
	old := ent.NewClient(ent.Driver(entsql.OpenDB(platform.DialectOf(pool), pool)))
	if err := old.Schema.Create(ctx, entmigrate.WithForeignKeys(true)); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateRefusesDriftedLegacyDatabase: tables without migration history that do not
// match the schema are left alone, with an error.
func TestMigrateRefusesDriftedLegacyDatabase(t *testing.T) {
	eachEmpty(t, func(t *testing.T, e emptyDB) {
		ctx := context.Background()
		autoMigrate(t, e)
		if _, err := e.db.Exec("DROP INDEX subcategory_category_id_handle"); err != nil {
			t.Fatal(err)
		}
		err := platform.Migrate(ctx, e.dialect, e.db)
		if err == nil || !strings.Contains(err.Error(), "no migration history") {
			t.Fatalf("err = %v, want a refusal naming the missing history", err)
		}
	})
}

// TestMigratedDatabaseWorks runs the full fixture (tenants, stores, domains, users,
// memberships, API keys through the services and the API) on freshly migrated databases
// and checks every row's id lies in its type's global-ID range (sql/globalid).
func TestMigratedDatabaseWorks(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		check := func(table *schema.Table, id int) {
			t.Helper()
			if table.Annotation == nil || table.Annotation.IncrementStart == nil {
				t.Fatalf("%s: no global-ID range in the ent schema", table.Name)
			}
			start := *table.Annotation.IncrementStart
			if id>>32 != start>>32 {
				t.Errorf("%s id %d is in range %d, want %d (ids from %d)", table.Name, id, id>>32, start>>32, start)
			}
		}
		check(entmigrate.TenantsTable, f.TenantA.ID)
		check(entmigrate.TenantsTable, f.TenantB.ID)
		check(entmigrate.StoresTable, f.StoreA1.ID)
		check(entmigrate.DomainsTable, f.DomainA1.ID)
		check(entmigrate.UsersTable, f.Users[testenv.SuperAdmin].ID)
		check(entmigrate.MembershipsTable, f.MembershipManagerA1.ID)
		check(entmigrate.APIKeysTable, f.KeyA1.ID)

		// node(id:) resolves the type from the id alone.
		var out struct {
			Node struct {
				Typename string `json:"__typename"`
				ID       string `json:"id"`
			} `json:"node"`
		}
		f.API.MustDo(t, f.As(testenv.SuperAdmin), `query($id: ID!) { node(id: $id) { __typename id } }`,
			map[string]any{"id": strconv.Itoa(f.TenantA.ID)}).Decode(t, &out)
		if out.Node.Typename != "Tenant" || out.Node.ID != strconv.Itoa(f.TenantA.ID) {
			t.Fatalf("node(%d) = %+v, want the tenant", f.TenantA.ID, out.Node)
		}
	})
}

// schemaDump is a textual description of the tables, columns and indexes.
func schemaDump(t *testing.T, dialectName string, db *sql.DB) string {
	t.Helper()
	q := "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name"
	if dialectName == "postgres" {
		q = `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
			FROM information_schema.columns WHERE table_schema = current_schema()
			UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		b.WriteString(s + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestMigrateConcurrentProcesses starts several processes migrating one new SQLite file
// at once (the embedded mode's instances starting together).
func TestMigrateConcurrentProcesses(t *testing.T) {
	if path := os.Getenv("CITYOS_TEST_MIGRATE_CHILD"); path != "" {
		client, db, err := platform.OpenSQLite(path)
		if err != nil {
			t.Fatal(err)
		}
		defer client.Close()
		migrate(t, "sqlite", db)
		return
	}
	path := filepath.Join(t.TempDir(), "test.db")
	const n = 4
	cmds := make([]*exec.Cmd, n)
	outs := make([]*bytes.Buffer, n)
	for i := range cmds {
		outs[i] = new(bytes.Buffer)
		cmds[i] = exec.Command(os.Args[0], "-test.run=^TestMigrateConcurrentProcesses$", "-test.count=1")
		cmds[i].Env = append(os.Environ(), "CITYOS_TEST_MIGRATE_CHILD="+path)
		cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i])
		}
	}
	client, db, err := platform.OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	if v, dirty := version(t, db); v != latest(t, "sqlite") || dirty {
		t.Fatalf("version %d (dirty %v), want %d", v, dirty, latest(t, "sqlite"))
	}
}
