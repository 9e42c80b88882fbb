package asynccommit

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"entgo.io/ent/dialect"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pool is a fake driver that logs what runs on it, by name.
type pool struct {
	name string
	log  *[]string
}

func (p pool) note(what string) { *p.log = append(*p.log, p.name+": "+what) }

func (p pool) Exec(_ context.Context, q string, _, _ any) error  { p.note(q); return nil }
func (p pool) Query(_ context.Context, q string, _, _ any) error { p.note(q); return nil }
func (p pool) ExecContext(_ context.Context, q string, _ ...any) (sql.Result, error) {
	p.note(q)
	return nil, nil
}
func (p pool) QueryContext(_ context.Context, q string, _ ...any) (*sql.Rows, error) {
	p.note(q)
	return nil, nil
}
func (p pool) Tx(ctx context.Context) (dialect.Tx, error) { return p.BeginTx(ctx, nil) }
func (p pool) BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error) {
	p.note("BEGIN")
	return poolTx{p}, nil
}
func (p pool) Close() error    { return nil }
func (p pool) Dialect() string { return dialect.Postgres }

type poolTx struct{ pool }

func (t poolTx) Commit() error   { t.note("COMMIT"); return nil }
func (t poolTx) Rollback() error { t.note("ROLLBACK"); return nil }

func route() (*Driver, *[]string) {
	log := &[]string{}
	return Route(pool{"durable", log}, pool{"deferred", log}), log
}

func TestStatementsOfADeferringRequestRunOnTheDeferredPool(t *testing.T) {
	d, log := route()
	ctx := context.Background()
	require.NoError(t, d.Exec(ctx, "UPDATE a", nil, nil))
	deferred := Defer(ctx)
	require.NoError(t, d.Exec(deferred, "UPDATE b", nil, nil))
	tx, err := d.Tx(deferred)
	require.NoError(t, err)
	require.NoError(t, tx.Exec(deferred, "INSERT c", nil, nil))
	require.NoError(t, tx.Commit())
	assert.Equal(t, []string{"durable: UPDATE a", "deferred: UPDATE b", "deferred: BEGIN", "deferred: INSERT c",
		"deferred: COMMIT"}, *log)

	*log = nil
	flushes := 0
	require.NoError(t, Settle(deferred, func(ctx context.Context) error {
		flushes++
		return d.Exec(ctx, FlushSQL, nil, nil)
	}))
	assert.Equal(t, 1, flushes)
	assert.Equal(t, []string{"durable: " + FlushSQL}, *log, "the flush runs on the durable pool")
	require.NoError(t, d.Exec(deferred, "UPDATE d", nil, nil))
	assert.Equal(t, "durable: UPDATE d", (*log)[1], "a settled request defers nothing more")
}

func TestARequestThatCommittedNothingDeferredNeedsNoFlush(t *testing.T) {
	_, _ = route()
	deferred := Defer(context.Background())
	called := false
	require.NoError(t, Settle(deferred, func(context.Context) error { called = true; return nil }))
	assert.False(t, called)
	require.NoError(t, Settle(context.Background(), func(context.Context) error { called = true; return nil }))
	assert.False(t, called, "a request that never deferred")
}

func TestRequireMakesTheOpenTransactionsCommitDurable(t *testing.T) {
	d, log := route()
	deferred := Defer(context.Background())
	tx, err := d.Tx(deferred)
	require.NoError(t, err)
	require.NoError(t, tx.Exec(deferred, "INSERT order", nil, nil))
	Require(deferred) // the transaction raises an event
	require.NoError(t, tx.Exec(deferred, "INSERT event", nil, nil))
	require.NoError(t, d.Exec(deferred, "UPDATE after", nil, nil))
	require.NoError(t, tx.Commit())
	assert.Equal(t, []string{"deferred: BEGIN", "deferred: INSERT order", "deferred: INSERT event",
		"durable: UPDATE after", "deferred: " + durableSQL, "deferred: COMMIT"}, *log)

	// What it committed deferred before Require still waits for Settle's flush.
	flushed := false
	require.NoError(t, Settle(deferred, func(context.Context) error { flushed = true; return nil }))
	assert.True(t, flushed)
}

func TestAFailedFlushIsSettlesError(t *testing.T) {
	d, _ := route()
	deferred := Defer(context.Background())
	require.NoError(t, d.Exec(deferred, "UPDATE a", nil, nil))
	boom := errors.New("connection reset")
	assert.ErrorIs(t, Settle(deferred, func(context.Context) error { return boom }), boom)
}
