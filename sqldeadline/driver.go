// Package sqldeadline is an ent driver that runs every statement under a deadline, so no
// request holds a database connection for long: a statement still running when its
// deadline passes is cancelled (lib/pq sends PostgreSQL a cancel request; SQLite is
// interrupted) and returns context.DeadlineExceeded.
//
// The deadline is the statement's own (now + timeout), the request's (see
// WithRequestDeadline) or the caller's context deadline, whichever comes first. On PostgreSQL, statement_timeout on the connections (see
// platform.OpenPostgres) backs it up on the server side.
package sqldeadline

import (
	"context"
	"database/sql"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// Inner is the driver wrapped: ent's calls plus raw SQL and transactions with options,
// as sqlprep.Driver and entsql.Driver have them.
type Inner interface {
	dialect.Driver
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error)
}

// Driver runs Inner's statements under a deadline.
type Driver struct {
	inner   Inner
	timeout time.Duration
}

// Wrap bounds each statement of inner to timeout (none when timeout ≤ 0).
func Wrap(inner Inner, timeout time.Duration) *Driver {
	return &Driver{inner: inner, timeout: timeout}
}

// Dialect is the inner driver's dialect.
func (d *Driver) Dialect() string { return d.inner.Dialect() }

// Close closes the inner driver.
func (d *Driver) Close() error { return d.inner.Close() }

// Tx starts a transaction whose statements run under the deadline.
func (d *Driver) Tx(ctx context.Context) (dialect.Tx, error) { return d.BeginTx(ctx, nil) }

// BeginTx starts a transaction with options. The transaction lives as long as ctx;
// each of its statements gets its own deadline.
func (d *Driver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.inner.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	inner, ok := tx.(txInner)
	if !ok {
		return &plainTx{Tx: tx, timeout: d.timeout}, nil
	}
	return &Tx{inner: inner, timeout: d.timeout}, nil
}

// Exec runs a statement that returns no rows.
func (d *Driver) Exec(ctx context.Context, query string, args, v any) error {
	return execStmt(ctx, d.timeout, d.inner, query, args, v)
}

// Query runs a query; its rows hold the deadline until they are closed.
func (d *Driver) Query(ctx context.Context, query string, args, v any) error {
	return queryRows(ctx, d.timeout, d.inner, query, args, v)
}

// ExecContext runs raw SQL that returns no rows.
func (d *Driver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ctx, cancel := bound(ctx, d.timeout)
	defer cancel()
	return d.inner.ExecContext(ctx, query, args...)
}

// QueryContext runs a raw query. database/sql closes the rows when the deadline passes.
func (d *Driver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return queryRaw(ctx, d.timeout, d.inner, query, args)
}

// txInner is a transaction that also runs raw SQL (sqlprep.Tx, entsql's Tx).
type txInner interface {
	dialect.Tx
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Tx is a transaction whose statements run under the deadline.
type Tx struct {
	inner   txInner
	timeout time.Duration
}

func (t *Tx) Exec(ctx context.Context, q string, args, v any) error {
	return execStmt(ctx, t.timeout, t.inner, q, args, v)
}
func (t *Tx) Query(ctx context.Context, q string, args, v any) error {
	return queryRows(ctx, t.timeout, t.inner, q, args, v)
}
func (t *Tx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	ctx, cancel := bound(ctx, t.timeout)
	defer cancel()
	return t.inner.ExecContext(ctx, q, args...)
}
func (t *Tx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return queryRaw(ctx, t.timeout, t.inner, q, args)
}
func (t *Tx) Commit() error   { return t.inner.Commit() }
func (t *Tx) Rollback() error { return t.inner.Rollback() }

// plainTx bounds ent's calls of a transaction that has no raw SQL calls.
type plainTx struct {
	dialect.Tx
	timeout time.Duration
}

func (t *plainTx) Exec(ctx context.Context, q string, args, v any) error {
	return execStmt(ctx, t.timeout, t.Tx, q, args, v)
}
func (t *plainTx) Query(ctx context.Context, q string, args, v any) error {
	return queryRows(ctx, t.timeout, t.Tx, q, args, v)
}

var (
	_ dialect.Driver = (*Driver)(nil)
	_ dialect.Tx     = (*Tx)(nil)
	_ Inner          = (*Driver)(nil)
)

// requestDeadlineKey keys the deadline of the request a context serves.
type requestDeadlineKey struct{}

// WithRequestDeadline marks ctx as serving a request whose statements must all end by
// deadline: each statement's own deadline is cut to it, and a statement started after it
// fails at once. The context itself is left running, so that the request can still
// answer (with the error of the statement that did not run).
func WithRequestDeadline(ctx context.Context, deadline time.Time) context.Context {
	return context.WithValue(ctx, requestDeadlineKey{}, deadline)
}

// bound gives ctx the statement's deadline: now + timeout, or the request's deadline if
// earlier, or ctx's own if earlier still.
func bound(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	request, hasRequest := ctx.Value(requestDeadlineKey{}).(time.Time)
	switch {
	case timeout > 0 && hasRequest:
		return context.WithDeadline(ctx, earliest(time.Now().Add(timeout), request))
	case timeout > 0:
		return context.WithTimeout(ctx, timeout)
	case hasRequest:
		return context.WithDeadline(ctx, request)
	}
	return ctx, func() {}
}

func earliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func execStmt(ctx context.Context, timeout time.Duration, on dialect.ExecQuerier, q string, args, v any) error {
	ctx, cancel := bound(ctx, timeout)
	defer cancel()
	return on.Exec(ctx, q, args, v)
}

// queryRows keeps the deadline's context alive while the rows are read: cancelling it when
// Query returns would close them.
func queryRows(ctx context.Context, timeout time.Duration, on dialect.ExecQuerier, q string, args, v any) error {
	ctx, cancel := bound(ctx, timeout)
	if err := on.Query(ctx, q, args, v); err != nil {
		cancel()
		return err
	}
	if rows, ok := v.(*entsql.Rows); ok && rows.ColumnScanner != nil {
		rows.ColumnScanner = cancelOnClose{ColumnScanner: rows.ColumnScanner, cancel: cancel}
		return nil
	}
	cancel()
	return nil
}

func queryRaw(ctx context.Context, timeout time.Duration, on interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, q string, args []any) (*sql.Rows, error) {
	// The deadline's timer releases the context when it fires; rows read to the end
	// before it are closed by their reader.
	ctx, cancel := bound(ctx, timeout)
	rows, err := on.QueryContext(ctx, q, args...)
	if err != nil {
		cancel()
	}
	return rows, err
}

type cancelOnClose struct {
	entsql.ColumnScanner
	cancel context.CancelFunc
}

func (c cancelOnClose) Close() error {
	err := c.ColumnScanner.Close()
	c.cancel()
	return err
}
