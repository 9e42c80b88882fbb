// Package testenv gives tests the real things they run against: a migrated database on
// SQLite and, when CITYOS_TEST_DATABASE_URL is set, on PostgreSQL too; a Redis; a full
// HTTP API; and a fixture of two tenants with a principal for every role.
package testenv

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/platform"
)

func init() {
	auth.BcryptCost = 4 // the minimum: tests sign in often, and hash strength is not under test here
}

// DB is a migrated, empty database of one dialect.
type DB struct {
	Dialect string // "sqlite" or "postgres"
	Client  *ent.Client
	SQL     *sql.DB
}

// Each runs fn once per configured database, as subtests named by dialect: SQLite always,
// PostgreSQL when CITYOS_TEST_DATABASE_URL is set (CI sets it).
func Each(t *testing.T, fn func(t *testing.T, db *DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if u := os.Getenv("CITYOS_TEST_DATABASE_URL"); u != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t, u)) })
	}
}

// SQLite returns a fresh migrated SQLite database in a temporary file (see template.go).
func SQLite(t testing.TB) *DB {
	t.Helper()
	file := filepath.Join(t.TempDir(), "test.db")
	if err := migratedSQLite(file); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	client, db, err := platform.OpenSQLite(file)
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { _ = client.Close() })
	return &DB{Dialect: "sqlite", Client: client, SQL: db}
}

// Postgres returns a fresh migrated PostgreSQL schema of its own in the database at
// base, dropped when the test ends, so tests never see each other's rows (see
// template.go for how it is migrated).
func Postgres(t testing.TB, base string) *DB {
	t.Helper()
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	schema := "t_" + randomHex(8)
	if err := replayPostgres(admin, schema); err != nil {
		t.Fatalf("migrate schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("postgres", base)
		if err == nil {
			_, _ = a.Exec("DROP SCHEMA " + schema + " CASCADE")
			_ = a.Close()
		}
	})
	client, db, err := platform.OpenPostgres(withSearchPath(t, base, schema))
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	db.SetMaxOpenConns(16)
	t.Cleanup(func() { _ = client.Close() })
	return &DB{Dialect: "postgres", Client: client, SQL: db}
}

// withSearchPath points a lib/pq URL at schema (lib/pq passes search_path on to the
// server as a session parameter).
func withSearchPath(t testing.TB, base, schema string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("CITYOS_TEST_DATABASE_URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Redis returns a Redis client: the server at CITYOS_TEST_REDIS_URL (CI), else an
// in-process one. With a shared server, tests keep to keys of their own.
func Redis(t testing.TB) (*redis.Client, string) {
	t.Helper()
	if u := os.Getenv("CITYOS_TEST_REDIS_URL"); u != "" {
		opt, err := redis.ParseURL(u)
		if err != nil {
			t.Fatalf("CITYOS_TEST_REDIS_URL: %v", err)
		}
		rdb := redis.NewClient(opt)
		if err := rdb.Ping(context.Background()).Err(); err != nil {
			t.Fatalf("redis at %s: %v", opt.Addr, err)
		}
		t.Cleanup(func() { _ = rdb.Close() })
		return rdb, opt.Addr
	}
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb, mr.Addr()
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("random: %v", err))
	}
	return hex.EncodeToString(b)
}
