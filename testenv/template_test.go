package testenv

import (
	"context"
	"database/sql"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/dakkah/cityos/platform"
)

// TestTemplatesAreMigrated: a test's database, copied or replayed, is one platform.Migrate
// finds up to date and whose schema is the ent model's.
func TestTemplatesAreMigrated(t *testing.T) {
	Each(t, func(t *testing.T, db *DB) {
		var before, after int64
		if err := db.SQL.QueryRow("SELECT version FROM schema_migrations WHERE NOT dirty").Scan(&before); err != nil {
			t.Fatalf("schema_migrations: %v", err)
		}
		if err := platform.Migrate(context.Background(), db.Dialect, db.SQL); err != nil {
			t.Fatalf("migrate: %v", err)
		}
		if err := db.SQL.QueryRow("SELECT version FROM schema_migrations WHERE NOT dirty").Scan(&after); err != nil || after != before {
			t.Fatalf("platform.Migrate moved the version from %d to %d (%v)", before, after, err)
		}
		drift, err := platform.SchemaDrift(context.Background(), db.Dialect, db.SQL)
		if err != nil || len(drift) > 0 {
			t.Fatalf("drift from the ent schema (%v):\n%s", err, strings.Join(drift, "\n"))
		}
	})
}

// TestReplayMatchesMigrate: on PostgreSQL, a replayed schema's catalog (columns,
// identities, indexes, constraints, golang-migrate's table) is the one platform.Migrate
// makes; TestTemplatesAreMigrated checks the version row.
func TestReplayMatchesMigrate(t *testing.T) {
	base := os.Getenv("CITYOS_TEST_DATABASE_URL")
	if base == "" {
		t.Skip("CITYOS_TEST_DATABASE_URL is not set")
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = admin.Close() })
	replayed, migrated := "t_"+randomHex(8), "t_"+randomHex(8)
	t.Cleanup(func() {
		_, _ = admin.Exec("DROP SCHEMA IF EXISTS " + replayed + " CASCADE; DROP SCHEMA IF EXISTS " + migrated + " CASCADE")
	})
	if err := replayPostgres(admin, replayed); err != nil {
		t.Fatalf("replay: %v", err)
	}
	if _, err := admin.Exec("CREATE SCHEMA " + migrated); err != nil {
		t.Fatal(err)
	}
	_, db, err := platform.OpenPostgres(withSearchPath(t, base, migrated))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := platform.Migrate(context.Background(), "postgres", db); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	want, got := catalog(t, admin, migrated), catalog(t, admin, replayed)
	if len(want) < 100 {
		t.Fatalf("the migrated catalog has only %d entries", len(want))
	}
	for _, line := range want {
		if !slices.Contains(got, line) {
			t.Errorf("replay lacks: %s", line)
		}
	}
	for _, line := range got {
		if !slices.Contains(want, line) {
			t.Errorf("replay adds: %s", line)
		}
	}
}

// catalog describes schema's objects, one sorted line each, the schema's name left out.
func catalog(t *testing.T, db *sql.DB, schema string) []string {
	t.Helper()
	queries := []string{
		`SELECT 'column ' || table_name || '.' || column_name || ' #' || ordinal_position || ' ' || data_type ||
			' null=' || is_nullable || ' default=' || coalesce(column_default, '-') || ' identity=' || is_identity ||
			' ' || coalesce(identity_generation, '-') || ' start=' || coalesce(identity_start, '-')
		 FROM information_schema.columns WHERE table_schema = $1`,
		`SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = $1`,
		`SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
		 FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname = $1`,
		`SELECT 'sequence ' || sequencename || ' ' || start_value || ' ' || increment_by || ' ' || max_value
		 FROM pg_sequences WHERE schemaname = $1`,
	}
	var out []string
	for _, q := range queries {
		rows, err := db.Query(q, schema)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, strings.ReplaceAll(s, schema+".", ""))
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(out)
	return out
}
