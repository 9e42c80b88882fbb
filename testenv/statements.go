package testenv

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"sync"
	"testing"

	"entgo.io/ent/dialect"
	"github.com/99designs/gqlgen/graphql"

	"github.com/dakkah/cityos/app"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/platform"
)

// Statement is one SQL statement a counted API ran; InField tells whether it ran while
// a GraphQL field was being resolved (the statements a page size could multiply).
type Statement struct {
	SQL     string
	InField bool
}

// StatementLog records the statements run through a counted API, BEGIN, COMMIT and
// ROLLBACK included.
type StatementLog struct {
	mu  sync.Mutex
	all []Statement
}

func (l *StatementLog) record(ctx context.Context, query string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.all = append(l.all, Statement{SQL: query, InField: ctx != nil && graphql.GetFieldContext(ctx) != nil})
}

// Take returns the statements recorded since the last Take and forgets them.
func (l *StatementLog) Take() []Statement {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.all
	l.all = nil
	return out
}

// CountedAPI is the whole API over db, on the driver the platform runs on, with every
// statement recorded.
func CountedAPI(t testing.TB, db *DB, cfg config.Config) (*API, *StatementLog) {
	t.Helper()
	client, log := CountedClient(db)
	rdb, addr := Redis(t)
	inst, err := app.Assemble(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), client, db.SQL, rdb, addr)
	if err != nil {
		t.Fatalf("assemble: %v", err)
	}
	return &API{App: inst, Handler: inst.Handler(), DB: db}, log
}

// CountedClient is a client over db, on the driver the platform runs on, with every
// statement recorded.
func CountedClient(db *DB) (*ent.Client, *StatementLog) {
	log := &StatementLog{}
	drv := platform.Driver(platform.DialectOf(db.SQL), db.SQL).(platformDriver)
	return ent.NewClient(ent.Driver(countingDriver{drv: drv, log: log})), log
}

// countingDriver records what runs through drv: ent's statements and raw SQL alike.
type countingDriver struct {
	drv platformDriver
	log *StatementLog
}

// platformDriver is what platform.Driver returns: an ent driver that also runs raw SQL
// and starts transactions with options.
type platformDriver interface {
	dialect.Driver
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error)
}

func (d countingDriver) Exec(ctx context.Context, query string, args, v any) error {
	d.log.record(ctx, query)
	return d.drv.Exec(ctx, query, args, v)
}

func (d countingDriver) Query(ctx context.Context, query string, args, v any) error {
	d.log.record(ctx, query)
	return d.drv.Query(ctx, query, args, v)
}

func (d countingDriver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	d.log.record(ctx, query)
	return d.drv.ExecContext(ctx, query, args...)
}

func (d countingDriver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	d.log.record(ctx, query)
	return d.drv.QueryContext(ctx, query, args...)
}

func (d countingDriver) Dialect() string { return d.drv.Dialect() }

func (d countingDriver) Close() error { return d.drv.Close() }

func (d countingDriver) Tx(ctx context.Context) (dialect.Tx, error) { return d.BeginTx(ctx, nil) }

func (d countingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	d.log.record(ctx, "BEGIN")
	tx, err := d.drv.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &countingTx{Tx: tx, ctx: ctx, log: d.log}, nil
}

type countingTx struct {
	dialect.Tx
	ctx context.Context // the transaction's, for COMMIT and ROLLBACK
	log *StatementLog
}

func (t *countingTx) Exec(ctx context.Context, query string, args, v any) error {
	t.log.record(ctx, query)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t *countingTx) Query(ctx context.Context, query string, args, v any) error {
	t.log.record(ctx, query)
	return t.Tx.Query(ctx, query, args, v)
}

func (t *countingTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	t.log.record(ctx, query)
	return t.Tx.(interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	}).ExecContext(ctx, query, args...)
}

func (t *countingTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	t.log.record(ctx, query)
	return t.Tx.(interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	}).QueryContext(ctx, query, args...)
}

func (t *countingTx) Commit() error {
	t.log.record(t.ctx, "COMMIT")
	return t.Tx.Commit()
}

func (t *countingTx) Rollback() error {
	t.log.record(t.ctx, "ROLLBACK")
	return t.Tx.Rollback()
}
