package asynccommit

import (
	"context"
	"database/sql"
	"fmt"

	"entgo.io/ent/dialect"

	"github.com/dakkah/cityos/sqldeadline"
)

// Inner is a driver Route sends statements to: ent's calls plus raw SQL and transactions
// with options, the same a deadline is put on.
type Inner = sqldeadline.Inner

// Driver sends a statement or transaction to the deferred driver (a pool whose sessions
// run with synchronous_commit off) when its context is deferring, else to the durable one.
type Driver struct {
	durable, deferred Inner
}

// Route returns a Driver over durable and deferred, two pools of one database.
func Route(durable, deferred Inner) *Driver {
	return &Driver{durable: durable, deferred: deferred}
}

func (d *Driver) on(ctx context.Context) Inner {
	if _, ok := deferring(ctx); ok {
		return d.deferred
	}
	return d.durable
}

// Dialect is the durable driver's dialect.
func (d *Driver) Dialect() string { return d.durable.Dialect() }

// Close closes both drivers.
func (d *Driver) Close() error {
	err := d.deferred.Close()
	if e := d.durable.Close(); e != nil {
		err = e
	}
	return err
}

// Exec runs a statement that returns no rows.
func (d *Driver) Exec(ctx context.Context, query string, args, v any) error {
	return d.on(ctx).Exec(ctx, query, args, v)
}

// Query runs a query.
func (d *Driver) Query(ctx context.Context, query string, args, v any) error {
	return d.on(ctx).Query(ctx, query, args, v)
}

// ExecContext runs raw SQL that returns no rows.
func (d *Driver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return d.on(ctx).ExecContext(ctx, query, args...)
}

// QueryContext runs a raw query.
func (d *Driver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return d.on(ctx).QueryContext(ctx, query, args...)
}

// Tx starts a transaction.
func (d *Driver) Tx(ctx context.Context) (dialect.Tx, error) { return d.BeginTx(ctx, nil) }

// BeginTx starts a transaction with options. One begun deferring commits durably if
// Require runs before its commit.
func (d *Driver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	s, ok := deferring(ctx)
	if !ok {
		return d.durable.BeginTx(ctx, opts)
	}
	tx, err := d.deferred.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	raw, ok := tx.(rawTx)
	if !ok {
		_ = tx.Rollback()
		return nil, fmt.Errorf("asynccommit: a %T cannot run raw SQL", tx)
	}
	return &deferredTx{rawTx: raw, state: s}, nil
}

// rawTx is a transaction that also runs raw SQL (sqlprep.Tx, entsql's Tx).
type rawTx interface {
	dialect.Tx
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// deferredTx is a transaction on the deferred pool.
type deferredTx struct {
	rawTx
	state *state
}

// durableSQL makes the commit of the transaction it runs in synchronous again.
const durableSQL = "SET LOCAL synchronous_commit TO on"

// Commit commits, durably if its request has required it since the transaction began.
func (t *deferredTx) Commit() error {
	if !t.state.deferring.Load() {
		// The transaction's own context bounds it (database/sql rolls back when it ends).
		if _, err := t.rawTx.ExecContext(context.Background(), durableSQL); err != nil {
			_ = t.rawTx.Rollback()
			return fmt.Errorf("asynccommit: make a commit durable: %w", err)
		}
	}
	return t.rawTx.Commit()
}

var (
	_ Inner          = (*Driver)(nil)
	_ dialect.Tx     = (*deferredTx)(nil)
	_ dialect.Driver = (*Driver)(nil)
)
