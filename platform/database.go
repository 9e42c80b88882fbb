// Package platform assembles the running service from its parts: the database, Redis,
// the capability services and the HTTP server. cmd/cityos and the tests both build on it.
package platform

import (
	"database/sql"
	"os"
	"path/filepath"
	"strconv"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"
	_ "modernc.org/sqlite"

	"github.com/dakkah/cityos/ent"
	_ "github.com/dakkah/cityos/ent/runtime" // policies, hooks and defaults
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
	return ent.NewClient(ent.Driver(entsql.OpenDB(dialect.SQLite, db))), db, nil
}

// maxConns bounds each process's PostgreSQL connections (CITYOS_DB_MAX_CONNS).
var maxConns = func() int {
	if n, err := strconv.Atoi(os.Getenv("CITYOS_DB_MAX_CONNS")); err == nil && n > 0 {
		return n
	}
	return 32
}()

// OpenPostgres opens a PostgreSQL database.
func OpenPostgres(url string) (*ent.Client, *sql.DB, error) {
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, nil, err
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	return ent.NewClient(ent.Driver(entsql.OpenDB(dialect.Postgres, db))), db, nil
}
