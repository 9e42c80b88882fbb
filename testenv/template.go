package testenv

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/lib/pq"

	"github.com/dakkah/cityos/platform"
)

// Migrating costs a third of a second on SQLite and half a second on PostgreSQL, and a
// test run makes thousands of databases. So each test process migrates one SQLite file
// with platform.Migrate and copies it for every test, and a PostgreSQL schema is made by
// running the up migrations in one transaction and writing the version row as
// golang-migrate does (TestReplayMatchesMigrate holds the two to the same schema).

var sqliteTemplate struct {
	once  sync.Once
	bytes []byte
	err   error
}

// migratedSQLite writes a migrated SQLite database to path: a copy of the template.
func migratedSQLite(path string) error {
	t := &sqliteTemplate
	t.once.Do(func() { t.bytes, t.err = buildSQLiteTemplate() })
	if t.err != nil {
		return fmt.Errorf("sqlite template: %w", t.err)
	}
	return os.WriteFile(path, t.bytes, 0o600)
}

func buildSQLiteTemplate() ([]byte, error) {
	dir, err := os.MkdirTemp("", "cityos-sqlite-template-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "template.db")
	client, db, err := platform.OpenSQLite(file)
	if err != nil {
		return nil, err
	}
	err = platform.Migrate(context.Background(), "sqlite", db)
	// Closing the last connection checkpoints the WAL into the file and removes it.
	if cerr := client.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(file + "-wal"); err == nil {
		return nil, fmt.Errorf("the WAL outlived the last connection: a copy would miss its pages")
	}
	return os.ReadFile(file)
}

var postgresReplay struct {
	once sync.Once
	sql  string
	err  error
}

// replayPostgres creates schema in admin's database and migrates it: the up migrations
// and golang-migrate's version table with its one row, all in one transaction.
func replayPostgres(admin *sql.DB, schema string) error {
	r := &postgresReplay
	r.once.Do(func() { r.sql, r.err = buildPostgresReplay() })
	if r.err != nil {
		return fmt.Errorf("postgres migrations: %w", r.err)
	}
	tx, err := admin.Begin()
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	q := pq.QuoteIdentifier(schema)
	if _, err := tx.Exec("CREATE SCHEMA " + q + "; SET LOCAL search_path TO " + q + ";\n" + r.sql); err != nil {
		return err
	}
	return tx.Commit()
}

func buildPostgresReplay() (string, error) {
	const dir = "migrations/postgres"
	names, err := fs.Glob(platform.Migrations, dir+"/*.up.sql") // sorted: versions have one width
	if err != nil || len(names) == 0 {
		return "", fmt.Errorf("no up migrations in %s (%v)", dir, err)
	}
	var b strings.Builder
	for _, name := range names {
		body, err := fs.ReadFile(platform.Migrations, name)
		if err != nil {
			return "", err
		}
		b.Write(body)
		b.WriteString(";\n")
	}
	v, _, _ := strings.Cut(path.Base(names[len(names)-1]), "_")
	version, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return "", fmt.Errorf("%s: %w", names[len(names)-1], err)
	}
	// As golang-migrate's postgres driver creates and sets it.
	fmt.Fprintf(&b, "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, dirty boolean not null);\n"+
		"INSERT INTO schema_migrations (version, dirty) VALUES (%d, false);", version)
	return b.String(), nil
}
