package platform

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"strings"
	"sync"
	"text/template"
	"time"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	"github.com/golang-migrate/migrate/v4"
	"github.com/golang-migrate/migrate/v4/database"
	gmpostgres "github.com/golang-migrate/migrate/v4/database/postgres"
	gmsqlite "github.com/golang-migrate/migrate/v4/database/sqlite"
	"github.com/golang-migrate/migrate/v4/source/iofs"

	entmigrate "github.com/dakkah/cityos/ent/migrate"
)

// Migrations holds the versioned schema migrations, one golang-migrate directory per
// dialect (migrations/sqlite, migrations/postgres). They are written by
// `go run ./cmd/migrategen <name>`; never edit an applied one.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var Migrations embed.FS

// migrationLockTimeout bounds golang-migrate's own wait for its lock (taken after ours).
const migrationLockTimeout = 10 * time.Minute

// Migrate applies the pending migrations of the dialect ("sqlite" or "postgres") to db.
// Concurrent calls (other goroutines, other processes) are safe: each holds a lock for the
// whole run, an advisory lock on PostgreSQL (per database and schema), a lock file next
// to the database file (and a mutex within the process) on SQLite. On PostgreSQL it uses
// two connections of db at once.
//
// A database created by the automatic migration of earlier versions (ent tables but no
// migration history) is adopted: if it matches the schema, it is marked as migrated.
func Migrate(ctx context.Context, dialectName string, db *sql.DB) error {
	return migrateTo(ctx, dialectName, db, 0)
}

// migrateTo migrates up or down to version, or up to the latest when version is 0 (a
// test of a migration that converts data starts from the version before it).
func migrateTo(ctx context.Context, dialectName string, db *sql.DB, version uint) error {
	dir, err := migrationsDir(dialectName)
	if err != nil {
		return err
	}
	src, err := iofs.New(Migrations, dir)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var drv database.Driver
	reset := func() {} // restores what the migration changed on its connection
	switch dir {
	case "migrations/sqlite":
		release, err := lockSQLite(ctx, db)
		if err != nil {
			_ = src.Close()
			return fmt.Errorf("migrate: lock: %w", err)
		}
		defer release()
		// NoTxWrap: table rebuilds turn foreign_keys off, which SQLite ignores inside a
		// transaction; each file is one multi-statement Exec on one connection instead.
		d, err := gmsqlite.WithInstance(db, &gmsqlite.Config{NoTxWrap: true})
		if err != nil {
			_ = src.Close()
			return fmt.Errorf("migrate: %w", err)
		}
		drv = keepOpen{d} // its Close would close db, which the caller owns
	default:
		release, err := lockPostgres(ctx, db)
		if err != nil {
			_ = src.Close()
			return fmt.Errorf("migrate: lock: %w", err)
		}
		defer release()
		conn, err := db.Conn(ctx)
		if err != nil {
			_ = src.Close()
			return fmt.Errorf("migrate: %w", err)
		}
		// A migration (an index on a large table) may take longer than a request's
		// statement_timeout; the connection goes back to the pool with its own again.
		if err := untimed(ctx, conn); err != nil {
			_ = conn.Close()
			_ = src.Close()
			return fmt.Errorf("migrate: %w", err)
		}
		reset = func() { _, _ = conn.ExecContext(context.Background(), "RESET statement_timeout") }
		// Closing it (m.Close) returns conn to the pool and leaves db open.
		d, err := gmpostgres.WithConnection(ctx, conn, &gmpostgres.Config{})
		if err != nil {
			reset()
			_ = conn.Close()
			_ = src.Close()
			return fmt.Errorf("migrate: %w", err)
		}
		drv = d
	}
	m, err := migrate.NewWithInstance("iofs", src, dir, drv)
	if err != nil {
		reset() // the connection goes back to the pool with its statement_timeout
		_ = src.Close()
		_ = drv.Close()
		return fmt.Errorf("migrate: %w", err)
	}
	defer m.Close()
	defer reset() // before m.Close hands the connection back
	m.LockTimeout = migrationLockTimeout

	if err := adoptLegacy(ctx, m, dialectName, db); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}

	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			m.GracefulStop <- true // stops between migration files
		case <-done:
		}
	}()
	up := m.Up
	if version != 0 {
		up = func() error { return m.Migrate(version) }
	}
	if err := up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
		return fmt.Errorf("migrate: %w", err)
	}
	return ctx.Err()
}

// adoptLegacy marks a database made by the old automatic migration (Schema.Create) as
// migrated to the latest version, when it has no migration history but the model's
// tables, and matches the schema.
func adoptLegacy(ctx context.Context, m *migrate.Migrate, dialectName string, db *sql.DB) error {
	if _, _, err := m.Version(); !errors.Is(err, migrate.ErrNilVersion) {
		return err // nil (has history) or a real error
	}
	legacy, err := tableExists(ctx, dialectName, db, entmigrate.TenantsTable.Name)
	if err != nil || !legacy {
		return err
	}
	drift, err := SchemaDrift(ctx, dialectName, db)
	if err != nil {
		return fmt.Errorf("adopting a database without migration history: %w", err)
	}
	if len(drift) > 0 {
		return fmt.Errorf("the database has tables but no migration history, and differs from the schema; bring it in line by hand and retry, or start from an empty database:\n%s", strings.Join(drift, "\n"))
	}
	latest, err := latestVersion(dialectName)
	if err != nil {
		return err
	}
	return m.Force(int(latest))
}

// SchemaDrift returns the statements that would bring the database's tables in line with
// the ent schema (ent/migrate.Tables), or none when they match. A migrated database with
// drift means a migration is missing: run cmd/migrategen.
func SchemaDrift(ctx context.Context, dialectName string, db *sql.DB) ([]string, error) {
	d := dialect.Postgres
	if dir, err := migrationsDir(dialectName); err != nil {
		return nil, err
	} else if dir == "migrations/sqlite" {
		d = dialect.SQLite
	}
	plan := &atlasmigrate.MemDir{}
	// Not closed: closing the driver would close db, which the caller owns.
	drv := entsql.OpenDB(d, db)
	if d == dialect.Postgres {
		// Inspecting the catalog may take longer than a request's statement_timeout.
		conn, err := db.Conn(ctx)
		if err != nil {
			return nil, err
		}
		defer conn.Close()
		if err := untimed(ctx, conn); err != nil {
			return nil, err
		}
		defer func() { _, _ = conn.ExecContext(context.Background(), "RESET statement_timeout") }()
		drv = entsql.NewDriver(d, entsql.Conn{ExecQuerier: conn})
	}
	err := entmigrate.NewSchema(drv).NamedDiff(ctx, "drift",
		schema.WithDir(plan),
		schema.WithFormatter(driftFormatter),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
		schema.WithForeignKeys(true),
		schema.WithErrNoPlan(true),
	)
	switch {
	case errors.Is(err, atlasmigrate.ErrNoPlan):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("schema diff: %w", err)
	}
	b, err := fs.ReadFile(plan, "drift.sql")
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n"), nil
}

var driftFormatter = func() atlasmigrate.Formatter {
	f, err := atlasmigrate.NewTemplateFormatter(
		template.Must(template.New("").Parse("drift.sql")),
		template.Must(template.New("").Parse(`{{ range .Changes }}{{ printf "%s;\n" .Cmd }}{{ end }}`)),
	)
	if err != nil {
		panic(err)
	}
	return f
}()

func migrationsDir(dialectName string) (string, error) {
	switch dialectName {
	case "sqlite", dialect.SQLite:
		return "migrations/sqlite", nil
	case dialect.Postgres:
		return "migrations/postgres", nil
	}
	return "", fmt.Errorf("migrate: unsupported dialect %q", dialectName)
}

// latestVersion is the version of the last embedded migration of the dialect.
func latestVersion(dialectName string) (uint, error) {
	dir, err := migrationsDir(dialectName)
	if err != nil {
		return 0, err
	}
	src, err := iofs.New(Migrations, dir)
	if err != nil {
		return 0, err
	}
	defer src.Close()
	v, err := src.First()
	if err != nil {
		return 0, err
	}
	for {
		next, err := src.Next(v)
		if errors.Is(err, fs.ErrNotExist) {
			return v, nil
		} else if err != nil {
			return 0, err
		}
		v = next
	}
}

func tableExists(ctx context.Context, dialectName string, db *sql.DB, table string) (bool, error) {
	var n int
	var err error
	if dir, _ := migrationsDir(dialectName); dir == "migrations/sqlite" {
		err = db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table).Scan(&n)
	} else {
		err = db.QueryRowContext(ctx, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1", table).Scan(&n)
	}
	return n > 0, err
}

// keepOpen keeps golang-migrate from closing a *sql.DB it was handed.
type keepOpen struct{ database.Driver }

func (keepOpen) Close() error { return nil }

const sqliteBusy = 5 // SQLITE_BUSY, the primary result code

// sqliteLocks serializes migrations of one SQLite database within the process; the lock
// file (lockFile) does so across processes.
var sqliteLocks sync.Map // database file path → *sync.Mutex

// lockSQLite takes the migration lock of the SQLite database behind db.
func lockSQLite(ctx context.Context, db *sql.DB) (release func(), err error) {
	var seq int
	var name, path string
	// Connections that open a new database file at the same moment (instances starting
	// together) race to switch it to WAL; the losers get SQLITE_BUSY at once, without
	// waiting for busy_timeout. Once the file is in WAL mode, opening is safe: retry.
	giveUp := time.Now().Add(30 * time.Second)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 500*time.Millisecond) {
		err = db.QueryRowContext(ctx, "PRAGMA database_list").Scan(&seq, &name, &path)
		var code interface{ Code() int }
		if err == nil || !errors.As(err, &code) || code.Code()&0xff != sqliteBusy || time.Now().After(giveUp) {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
	if err != nil {
		return nil, err
	}
	mu, _ := sqliteLocks.LoadOrStore(path, new(sync.Mutex))
	mu.(*sync.Mutex).Lock()
	if path == "" { // in-memory: nothing to share across processes
		return mu.(*sync.Mutex).Unlock, nil
	}
	unlock, err := lockFile(ctx, path+"-migrate.lock")
	if err != nil {
		mu.(*sync.Mutex).Unlock()
		return nil, err
	}
	return func() {
		unlock()
		mu.(*sync.Mutex).Unlock()
	}, nil
}

// lockPostgres takes a session advisory lock, on a connection of its own, for the
// database and schema db works in.
func lockPostgres(ctx context.Context, db *sql.DB) (release func(), err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	var database, schema string
	if err := conn.QueryRowContext(ctx, "SELECT current_database(), current_schema()").Scan(&database, &schema); err != nil {
		_ = conn.Close()
		return nil, err
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte("cityos migrate\x00" + database + "\x00" + schema))
	key := int64(h.Sum64())
	// Waiting for another instance's migration may take longer than statement_timeout.
	if err := untimed(ctx, conn); err != nil {
		_ = conn.Close()
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", key); err != nil {
		_, _ = conn.ExecContext(context.Background(), "RESET statement_timeout")
		_ = conn.Close()
		return nil, err
	}
	return func() {
		_, _ = conn.ExecContext(context.Background(), "RESET statement_timeout")
		if _, err := conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", key); err != nil {
			// Do not hand a connection that may still hold the lock back to the pool.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		_ = conn.Close()
	}, nil
}

// untimed lifts statement_timeout on conn, until RESET statement_timeout restores the
// connection's own.
func untimed(ctx context.Context, conn *sql.Conn) error {
	_, err := conn.ExecContext(ctx, "SET statement_timeout = 0")
	return err
}
