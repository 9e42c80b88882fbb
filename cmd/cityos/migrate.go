package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/platform"
)

// runMigrate applies the pending migrations and says which: an operator should see what
// changed in the database, not only that the command succeeded. It needs the database
// alone, not Redis.
func runMigrate(ctx context.Context, log *slog.Logger) error {
	cfg, err := config.FromEnv()
	if err != nil {
		return err
	}
	open, where := platform.OpenPostgres, "PostgreSQL"
	target := cfg.DatabaseURL
	if cfg.Embedded() {
		open, where, target = platform.OpenSQLite, cfg.SQLitePath(), cfg.SQLitePath()
	}
	client, db, err := open(target)
	if err != nil {
		return err
	}
	defer client.Close()
	dialect := platform.DialectOf(db)
	before, err := migratedVersion(ctx, db)
	if err != nil {
		return err
	}
	if err := platform.Migrate(ctx, dialect, db); err != nil {
		return err
	}
	after, err := migratedVersion(ctx, db)
	if err != nil {
		return err
	}
	applied, err := migrationsBetween(dialect, before, after)
	if err != nil {
		return err
	}
	reportMigrations(os.Stdout, where, after, applied)
	log.Info("database schema is up to date", "database", where, "version", after, "applied", len(applied))
	return nil
}

// migratedVersion is the version golang-migrate recorded, 0 before the first migration.
func migratedVersion(ctx context.Context, db *sql.DB) (uint64, error) {
	var v uint64
	err := db.QueryRowContext(ctx, `SELECT version FROM schema_migrations LIMIT 1`).Scan(&v)
	if err != nil {
		// No table yet (a new database) or no row: nothing was applied.
		if err == sql.ErrNoRows || strings.Contains(strings.ToLower(err.Error()), "schema_migrations") {
			return 0, nil
		}
		return 0, err
	}
	return v, nil
}

// migrationsBetween names the embedded migrations of dialect with a version in
// (from, to], in order: "20261127081636_commerce".
func migrationsBetween(dialect string, from, to uint64) ([]string, error) {
	dir := "migrations/postgres"
	if dialect != "postgres" {
		dir = "migrations/sqlite"
	}
	files, err := fs.Glob(platform.Migrations, dir+"/*.up.sql")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range files {
		name := strings.TrimSuffix(f[len(dir)+1:], ".up.sql")
		v, err := strconv.ParseUint(strings.SplitN(name, "_", 2)[0], 10, 64)
		if err == nil && v > from && v <= to {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out, nil
}

func reportMigrations(w io.Writer, where string, version uint64, applied []string) {
	if len(applied) == 0 {
		fmt.Fprintf(w, "%s: up to date (version %d); nothing to apply\n", where, version)
		return
	}
	for _, name := range applied {
		fmt.Fprintf(w, "applied %s\n", name)
	}
	fmt.Fprintf(w, "%s: now at version %d (%d applied)\n", where, version, len(applied))
}
