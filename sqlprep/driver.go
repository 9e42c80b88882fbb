// Package sqlprep is an ent driver over database/sql that prepares each statement text
// once and reuses it, on every pooled connection and inside transactions.
//
// Why: lib/pq runs a statement with arguments as an unnamed prepare (a round trip: parse,
// describe) followed by its execution (a second round trip), and PostgreSQL parses and
// plans the text each time. ent's statements come from a small set of texts, several of
// them long privacy predicates whose planning costs more than their execution. A statement
// prepared once runs in one round trip, and PostgreSQL may keep its plan. ent's counts
// run as COUNT(*) (see countRows).
package sqlprep

import (
	"context"
	"database/sql"
	"fmt"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// Driver is an ent dialect.Driver that runs statements through a cache of prepared ones.
type Driver struct {
	conn
	db      *sql.DB
	dialect string
}

// DefaultSize is how many statement texts a Driver keeps prepared by default. ent's
// statements come from a few hundred texts; IN lists of every length add more, and the
// least recently used are closed.
const DefaultSize = 1024

// Open returns a Driver over db for the given ent dialect, keeping up to size statements
// prepared (DefaultSize when size ≤ 0).
func Open(dialectName string, db *sql.DB, size int) *Driver {
	if size <= 0 {
		size = DefaultSize
	}
	return &Driver{conn: conn{stmts: newCache(db, size), direct: db}, db: db, dialect: dialectName}
}

// DB is the underlying pool.
func (d *Driver) DB() *sql.DB { return d.db }

// Dialect is the ent dialect name.
func (d *Driver) Dialect() string { return d.dialect }

// Close closes the prepared statements and the pool.
func (d *Driver) Close() error {
	d.stmts.close()
	return d.db.Close()
}

// Tx starts a transaction.
func (d *Driver) Tx(ctx context.Context) (dialect.Tx, error) { return d.BeginTx(ctx, nil) }

// BeginTx starts a transaction with options.
func (d *Driver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &Tx{conn: conn{stmts: d.stmts, direct: tx, tx: tx}}, nil
}

// Tx is a transaction whose statements run prepared on its connection.
type Tx struct {
	conn
}

var (
	_ dialect.Driver = (*Driver)(nil)
	_ dialect.Tx     = (*Tx)(nil)
)

// Commit commits the transaction.
func (t *Tx) Commit() error { return t.tx.Commit() }

// Rollback aborts the transaction.
func (t *Tx) Rollback() error { return t.tx.Rollback() }

// execQuerier is database/sql's two calls, which a pool and a transaction both have.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// conn runs statements on a pool or, when tx is set, in that transaction: prepared when
// the cache has the text, else directly.
type conn struct {
	stmts  *cache
	direct execQuerier
	tx     *sql.Tx
}

// on is st as it runs here: in the transaction (prepared on its connection), or on the pool.
func (c conn) on(ctx context.Context, st *sql.Stmt) *sql.Stmt {
	if c.tx != nil {
		return c.tx.StmtContext(ctx, st)
	}
	return st
}

// ExecContext runs a statement that returns no rows; ent.Client.ExecContext reaches it.
func (c conn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := c.stmts.get(query); st != nil {
		res, err := c.on(ctx, st).ExecContext(ctx, args...)
		return res, c.stmts.check(query, err)
	}
	return c.direct.ExecContext(ctx, query, args...)
}

// QueryContext runs a query; ent.Client.QueryContext reaches it.
func (c conn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := c.stmts.get(query); st != nil {
		rows, err := c.on(ctx, st).QueryContext(ctx, args...)
		return rows, c.stmts.check(query, err)
	}
	return c.direct.QueryContext(ctx, query, args...)
}

// Exec is ent's dialect.ExecQuerier call for statements: v is nil or a *sql.Result to fill.
func (c conn) Exec(ctx context.Context, query string, args, v any) error {
	argv, ok := args.([]any)
	if !ok {
		return fmt.Errorf("sqlprep: invalid args type %T, expected []any", args)
	}
	res, err := c.ExecContext(ctx, query, argv...)
	if err != nil {
		return err
	}
	switch v := v.(type) {
	case nil:
	case *sql.Result:
		*v = res
	default:
		return fmt.Errorf("sqlprep: invalid result type %T, expected *sql.Result", v)
	}
	return nil
}

// Query is ent's dialect.ExecQuerier call for queries: v is the *entsql.Rows to fill.
func (c conn) Query(ctx context.Context, query string, args, v any) error {
	rows, ok := v.(*entsql.Rows)
	if !ok {
		return fmt.Errorf("sqlprep: invalid rows type %T, expected *sql.Rows", v)
	}
	argv, ok := args.([]any)
	if !ok {
		return fmt.Errorf("sqlprep: invalid args type %T, expected []any", args)
	}
	r, err := c.QueryContext(ctx, countRows(query), argv...)
	if err != nil {
		return err
	}
	*rows = entsql.Rows{ColumnScanner: r}
	return nil
}
