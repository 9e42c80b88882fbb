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
	return ent.NewClient(ent.Driver(Driver(dialect.SQLite, db))), db, nil
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
// StatementTimeout) unless the URL sets one.
func OpenPostgres(url string) (*ent.Client, *sql.DB, error) {
	db, err := sql.Open("postgres", withStatementTimeout(url, StatementTimeout))
	if err != nil {
		return nil, nil, err
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	return ent.NewClient(ent.Driver(Driver(dialect.Postgres, db))), db, nil
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
func Driver(dialectName string, db *sql.DB) dialect.Driver {
	var inner sqldeadline.Inner
	if preparedStatements == 0 {
		inner = entsql.OpenDB(dialectName, db)
	} else {
		inner = sqlprep.Open(dialectName, db, preparedStatements)
	}
	return sqldeadline.Wrap(inner, StatementTimeout)
}

// withStatementTimeout adds statement_timeout (milliseconds) to a lib/pq connection
// string, URL or key=value, which passes it to the server as a session setting.
func withStatementTimeout(dsn string, d time.Duration) string {
	if d <= 0 || strings.Contains(dsn, "statement_timeout") {
		return dsn
	}
	ms := strconv.FormatInt(d.Milliseconds(), 10)
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return dsn // sql.Open reports it
		}
		q := u.Query()
		q.Set("statement_timeout", ms)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return fmt.Sprintf("%s statement_timeout=%s", dsn, ms)
}

// DialectOf names the ent dialect of db's driver: PostgreSQL for lib/pq, else SQLite.
func DialectOf(db *sql.DB) string {
	if _, ok := db.Driver().(*pq.Driver); ok {
		return dialect.Postgres
	}
	return dialect.SQLite
}
