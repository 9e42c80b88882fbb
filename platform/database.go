// Package platform assembles the running service from its parts: the database, Redis,
// the capability services and the HTTP server. cmd/cityos and the tests both build on it.
package platform

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/lib/pq"
	_ "modernc.org/sqlite"

	"github.com/dakkah/cityos/asynccommit"
	"github.com/dakkah/cityos/ent"
	_ "github.com/dakkah/cityos/ent/runtime" // policies, hooks and defaults
	"github.com/dakkah/cityos/sqldeadline"
	"github.com/dakkah/cityos/sqlprep"
)

// OpenSQLite opens (creating if needed) the embedded database file.
func OpenSQLite(path string) (*ent.Client, *sql.DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, nil, err
		}
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_txlock=immediate")
	if err != nil {
		return nil, nil, err
	}
	// One writer at a time is all SQLite allows; a small pool avoids lock churn.
	db.SetMaxOpenConns(8)
	return ent.NewClient(ent.Driver(Driver(dialect.SQLite, db, nil))), db, nil
}

// maxConns bounds each process's PostgreSQL connections (CITYOS_DB_MAX_CONNS). More
// connections than the database has cores to run them only queue inside PostgreSQL,
// where they contend for locks and CPU: on the 2-core bench machine, checkout under 32
// clients placed about a tenth more orders a second with 16 than with 32 (and fewer
// with 8).
var maxConns = func() int {
	if n, err := strconv.Atoi(os.Getenv("CITYOS_DB_MAX_CONNS")); err == nil && n > 0 {
		return n
	}
	return 16
}()

// StatementTimeout bounds each database statement (CITYOS_DB_STATEMENT_TIMEOUT, default
// 5s; 0 turns it off), so that no request holds a connection for long: a pool of 16 is
// soon taken by a few slow queries, and then every tenant waits.
var StatementTimeout = func() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("CITYOS_DB_STATEMENT_TIMEOUT")); err == nil && d >= 0 {
		return d
	}
	return 5 * time.Second
}()

// OpenPostgres opens a PostgreSQL database. Its connections carry statement_timeout (see
// StatementTimeout) unless the URL sets one. The *sql.DB returned is the durable pool.
func OpenPostgres(url string) (*ent.Client, *sql.DB, error) {
	db, deferred, err := OpenPostgresPools(url)
	if err != nil {
		return nil, nil, err
	}
	return ent.NewClient(ent.Driver(Driver(dialect.Postgres, db, deferred))), db, nil
}

// OpenPostgresPools opens a PostgreSQL database's two pools: the durable one, whose
// commits return once on disk, and the deferred one, whose sessions run with
// synchronous_commit off, for the commits of a request that flushes them all before it
// answers (see package asynccommit). Few requests defer, so it has half the connections.
func OpenPostgresPools(dsn string) (durable, deferred *sql.DB, err error) {
	dsn = withStatementTimeout(dsn, StatementTimeout)
	durable, err = sql.Open("postgres", dsn)
	if err != nil {
		return nil, nil, err
	}
	durable.SetMaxOpenConns(maxConns)
	durable.SetMaxIdleConns(maxConns)
	deferred, err = sql.Open("postgres", withSetting(dsn, "synchronous_commit", "off", true))
	if err != nil {
		_ = durable.Close()
		return nil, nil, err
	}
	n := max(maxConns/2, 1)
	deferred.SetMaxOpenConns(n)
	deferred.SetMaxIdleConns(n)
	return durable, deferred, nil
}

// preparedStatements is how many statement texts each process keeps prepared
// (CITYOS_DB_PREPARED_STATEMENTS; 0 prepares none, for a connection pooler that cannot
// keep prepared statements across transactions).
var preparedStatements = func() int {
	if n, err := strconv.Atoi(os.Getenv("CITYOS_DB_PREPARED_STATEMENTS")); err == nil && n >= 0 {
		return n
	}
	return sqlprep.DefaultSize
}()

// Driver is the ent driver the platform runs on db: statements prepared once and reused
// (see sqlprep), unless CITYOS_DB_PREPARED_STATEMENTS is 0, each under StatementTimeout.
// With a deferred pool (PostgreSQL), a request's statements run there while it defers
// its commits (see asynccommit).
func Driver(dialectName string, db, deferred *sql.DB) dialect.Driver {
	inner := innerDriver(dialectName, db)
	if deferred != nil {
		inner = asynccommit.Route(inner, innerDriver(dialectName, deferred))
	}
	return sqldeadline.Wrap(inner, StatementTimeout)
}

func innerDriver(dialectName string, db *sql.DB) sqldeadline.Inner {
	if preparedStatements == 0 {
		return entsql.OpenDB(dialectName, db)
	}
	return sqlprep.Open(dialectName, db, preparedStatements)
}

// withStatementTimeout adds statement_timeout (milliseconds) to a lib/pq connection string.
func withStatementTimeout(dsn string, d time.Duration) string {
	return withSetting(dsn, "statement_timeout", strconv.FormatInt(d.Milliseconds(), 10), d > 0)
}

// withSetting adds a session setting to a lib/pq connection string, URL or key=value
// (lib/pq passes what it does not know to the server), unless off or the string sets
// it already.
func withSetting(dsn, name, value string, on bool) string {
	if !on || strings.Contains(dsn, name) {
		return dsn
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return dsn // sql.Open reports it
		}
		q := u.Query()
		q.Set(name, value)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return fmt.Sprintf("%s %s=%s", dsn, name, value)
}

// DialectOf names the ent dialect of db's driver: PostgreSQL for lib/pq, else SQLite.
func DialectOf(db *sql.DB) string {
	if _, ok := db.Driver().(*pq.Driver); ok {
		return dialect.Postgres
	}
	return dialect.SQLite
}
