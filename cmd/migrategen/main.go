// Command migrategen writes the next versioned migration of the database schema, one
// golang-migrate directory per dialect (platform/migrations/sqlite and .../postgres).
//
// It replays the existing migrations on a scratch dev database, diffs the result against
// the ent schema (ent/migrate.Tables, so run entc first) and writes the difference as
// <version>_<name>.up.sql / .down.sql, with the same version in both directories. With
// nothing to change it writes nothing, so rerunning it is safe.
//
//	go run ./cmd/migrategen <name>
//
// Dev databases: an in-memory SQLite, and a scratch database (created and dropped here)
// on the PostgreSQL server of CITYOS_MIGRATE_DEV_URL (default
// postgres://root@127.0.0.1:5432/test?sslmode=disable).
//
// A hand-edited migration file breaks the directory's atlas.sum; after reviewing the edit,
// run with -rehash to recompute it.
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"time"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/lib/pq"
	_ "modernc.org/sqlite"

	"github.com/dakkah/cityos/ent/migrate"
)

const defaultDevURL = "postgres://root@127.0.0.1:5432/test?sslmode=disable"

func main() {
	log.SetFlags(0)
	log.SetPrefix("migrategen: ")
	root := flag.String("dir", "platform/migrations", "migrations root; one subdirectory per dialect")
	only := flag.String("dialect", "", "generate for this dialect only (sqlite or postgres)")
	rehash := flag.Bool("rehash", false, "recompute atlas.sum of each directory and exit")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./cmd/migrategen [flags] <name>\n")
		flag.PrintDefaults()
	}
	flag.Parse()

	dialects := []string{"sqlite", "postgres"}
	if *only != "" {
		dialects = []string{*only}
	}
	if *rehash {
		for _, d := range dialects {
			if err := rehashDir(filepath.Join(*root, d)); err != nil {
				log.Fatalf("%s: %v", d, err)
			}
		}
		return
	}
	if flag.NArg() != 1 || !regexp.MustCompile(`^[a-z0-9_]+$`).MatchString(flag.Arg(0)) {
		flag.Usage()
		log.Fatal("one migration name of [a-z0-9_] is required")
	}
	name := flag.Arg(0)

	ctx := context.Background()
	version, err := nextVersion(*root, dialects)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range dialects {
		dir := filepath.Join(*root, d)
		written, err := generate(ctx, d, dir, name, version)
		if err != nil {
			log.Fatalf("%s: %v", d, err)
		}
		if written {
			log.Printf("%s: wrote %s/%s_%s.{up,down}.sql", d, dir, version, name)
		} else {
			log.Printf("%s: schema unchanged, nothing written", d)
		}
	}
}

// generate writes the migration for one dialect and reports whether there was one.
func generate(ctx context.Context, dialectName, path, name, version string) (bool, error) {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return false, err
	}
	dir, err := sqltool.NewGolangMigrateDir(path)
	if err != nil {
		return false, err
	}
	var drv dialect.Driver
	switch dialectName {
	case "sqlite":
		drv, err = openSQLiteDev()
	case "postgres":
		var cleanup func()
		drv, cleanup, err = openPostgresDev(ctx)
		if cleanup != nil {
			defer cleanup()
		}
	default:
		err = fmt.Errorf("unknown dialect %q", dialectName)
	}
	if err != nil {
		return false, err
	}
	defer drv.Close()
	err = migrate.NewSchema(drv).NamedDiff(ctx, name,
		schema.WithDir(dir),
		schema.WithFormatter(formatter(version)),
		// Replay the directory on the (empty) dev database to get the current state.
		schema.WithMigrationMode(schema.ModeReplay),
		// Migrations are reviewed: let them drop what the schema no longer has, so the
		// database matches the schema exactly (the drift test checks the same way).
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
		schema.WithForeignKeys(true),
		schema.WithErrNoPlan(true),
	)
	switch {
	case errors.Is(err, atlasmigrate.ErrNoPlan):
		return false, nil
	case err != nil:
		return false, err
	}
	return true, nil
}

// openSQLiteDev opens an in-memory SQLite (modernc) on a single connection, so that every
// statement sees the same database.
func openSQLiteDev() (dialect.Driver, error) {
	db, err := sql.Open("sqlite", "file:migrategen?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return entsql.OpenDB(dialect.SQLite, db), nil
}

// openPostgresDev creates a scratch database next to the dev database and connects to
// it; cleanup drops it. (A scratch schema is not enough: atlas checks the whole database
// is clean before replaying the directory.)
func openPostgresDev(ctx context.Context) (dialect.Driver, func(), error) {
	base := os.Getenv("CITYOS_MIGRATE_DEV_URL")
	if base == "" {
		base = defaultDevURL
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, nil, fmt.Errorf("CITYOS_MIGRATE_DEV_URL: %w", err)
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		return nil, nil, err
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return nil, nil, err
	}
	scratch := "migrategen_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+scratch); err != nil {
		_ = admin.Close()
		return nil, nil, fmt.Errorf("dev database %s (set CITYOS_MIGRATE_DEV_URL): create scratch database: %w", u.Redacted(), err)
	}
	cleanup := func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)"); err != nil {
			log.Printf("postgres: drop scratch database %s: %v", scratch, err)
		}
		_ = admin.Close()
	}
	u.Path = "/" + scratch
	db, err := sql.Open("postgres", u.String())
	if err != nil {
		return nil, cleanup, err
	}
	db.SetMaxOpenConns(1)
	return entsql.OpenDB(dialect.Postgres, db), cleanup, nil
}

// nextVersion is a UTC timestamp, later than every version already in any directory.
func nextVersion(root string, dialects []string) (string, error) {
	v := time.Now().UTC().Format("20060102150405")
	for _, d := range dialects {
		names, err := filepath.Glob(filepath.Join(root, d, "*.up.sql"))
		if err != nil {
			return "", err
		}
		for _, n := range names {
			if last, _, _ := strings.Cut(filepath.Base(n), "_"); len(last) == len(v) && last >= v {
				t, err := time.Parse("20060102150405", last)
				if err != nil {
					return "", fmt.Errorf("%s: unexpected version: %w", n, err)
				}
				v = t.Add(time.Second).Format("20060102150405")
			}
		}
	}
	return v, nil
}

// formatter is atlas's golang-migrate formatter with a fixed version, so both dialects
// get the same one.
func formatter(version string) atlasmigrate.Formatter {
	funcs := template.FuncMap{
		"version": func() string { return version },
		"rev": func(changes []*atlasmigrate.Change) []*atlasmigrate.Change {
			out := make([]*atlasmigrate.Change, len(changes))
			for i, c := range changes {
				out[len(changes)-1-i] = c
			}
			return out
		},
	}
	tpl := func(s string) *template.Template { return template.Must(template.New("").Funcs(funcs).Parse(s)) }
	f, err := atlasmigrate.NewTemplateFormatter(
		tpl("{{ version }}{{ with .Name }}_{{ . }}{{ end }}.up.sql"),
		tpl(`{{ range .Changes }}{{ with .Comment }}-- {{ println . }}{{ end }}{{ printf "%s;\n" .Cmd }}{{ end }}`),
		tpl("{{ version }}{{ with .Name }}_{{ . }}{{ end }}.down.sql"),
		tpl(`{{ range $c := rev .Changes }}{{ with $stmts := .ReverseStmts }}{{ with $c.Comment }}-- reverse: {{ println . }}{{ end }}{{ range $stmts }}{{ printf "%s;\n" . }}{{ end }}{{ end }}{{ end }}`),
	)
	if err != nil {
		panic(err)
	}
	return f
}

func rehashDir(path string) error {
	dir, err := sqltool.NewGolangMigrateDir(path)
	if err != nil {
		return err
	}
	sum, err := dir.Checksum()
	if err != nil {
		return err
	}
	return atlasmigrate.WriteSumFile(dir, sum)
}
