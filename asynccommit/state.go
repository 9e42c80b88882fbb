// Package asynccommit lets the commits of one request reach the disk together.
//
// A GraphQL document may carry several mutations (a storefront adds a line, sets the
// address and the shipping method in one request), each its own commit. PostgreSQL makes
// every commit durable before it returns: one WAL flush each, and on the bench machine
// checkout spent most of its wait on those flushes, not on the CPU. A commit made with
// synchronous_commit off returns before its flush. That is safe here because of two
// facts: the WAL is one sequence, so a later flush makes every earlier commit durable;
// and nobody outside learns of a request's writes before its answer. So a request that
// commits more than once may commit asynchronously (Defer), provided the WAL is flushed
// before its answer leaves (Settle): the client never sees a result a crash could take
// back.
//
// What would let another process act on a write before the answer (an event in the
// outbox, a queued task, a message sent) must not run on a deferred commit: its writer
// calls Require first, and from then on the request's commits are durable each.
package asynccommit

import (
	"context"
	"sync/atomic"
)

// FlushSQL makes every commit before it durable. A transactional logical message writes
// WAL under a transaction id, so its synchronous commit waits for the flush; a statement
// that writes nothing (SELECT pg_current_xact_id(), say) commits without waiting.
const FlushSQL = `SELECT pg_logical_emit_message(true, 'cityos.flush', '')`

// state is one request's: whether its commits may be deferred, and whether one was.
type state struct {
	deferring atomic.Bool
	pending   atomic.Bool
}

type stateKey struct{}

// Defer lets the commits made under the returned context be asynchronous until Settle.
func Defer(ctx context.Context) context.Context {
	s := &state{}
	s.deferring.Store(true)
	return context.WithValue(ctx, stateKey{}, s)
}

// Require makes every commit under ctx from now on durable, the commit of a transaction
// already open included: call it before writing what another process acts on.
func Require(ctx context.Context) {
	if s, ok := ctx.Value(stateKey{}).(*state); ok {
		s.deferring.Store(false)
	}
}

// Deferring reports whether commits under ctx may still be deferred.
func Deferring(ctx context.Context) bool {
	s, ok := ctx.Value(stateKey{}).(*state)
	return ok && s.deferring.Load()
}

// Settle ends the deferral of ctx and, if a commit under it may not be on disk yet,
// runs flush (which should run FlushSQL) so that all of them are.
func Settle(ctx context.Context, flush func(context.Context) error) error {
	s, ok := ctx.Value(stateKey{}).(*state)
	if !ok {
		return nil
	}
	s.deferring.Store(false)
	if !s.pending.Swap(false) {
		return nil
	}
	return flush(ctx)
}

// deferring reports whether a statement under ctx may commit asynchronously, noting
// that one did.
func deferring(ctx context.Context) (*state, bool) {
	s, ok := ctx.Value(stateKey{}).(*state)
	if !ok || !s.deferring.Load() {
		return nil, false
	}
	s.pending.Store(true)
	return s, true
}
