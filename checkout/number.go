package checkout

import (
	"context"
	"database/sql"
	"fmt"
)

// Order numbers. A store's orders are numbered 1, 2, 3 … by a counter on the store
// (order_seq), which every checkout of the store bumps, so it is bumped by one
// autocommitted UPDATE … RETURNING before the checkout's transaction begins: the row is
// locked only inside the database for that statement, never across round trips to this
// process (which, under load, is exactly when they are slow). The order is then inserted
// with its number, so order.placed carries it and nothing changes the order afterwards.
// Numbers are unique per store and increase in the order they are taken; a checkout that
// takes one and then fails (out of stock, payment declined, a twin that won the race, a
// crash) leaves a gap, never a repeat. An order placed from an approval request or a
// quote takes its number inside its transaction instead, after it has won the request or
// quote (see placeCharged), so a twin that lost the race leaves no gap.

// bumpCounter is the counter's UPDATE ($1 is a positional parameter on PostgreSQL and
// SQLite alike).
const bumpCounter = `UPDATE stores SET order_seq = order_seq + 1 WHERE id = $1 RETURNING order_seq`

// bumpCounterAsync is bumpCounter committing without waiting for the disk, on
// PostgreSQL. The row stays locked until its transaction commits, and a synchronous
// commit waits for the WAL to reach the disk: a store's concurrent checkouts queued up
// behind that flush, one at a time. Waiting is not needed for safety: the order holding
// the number commits later, synchronously, which flushes the WAL up to and including this
// bump, so no order can durably hold a number the counter forgot; a bump whose checkout
// then fails may be lost in a crash or not, a gap either way. set_config(…, true) lasts
// until the end of the statement's own transaction.
const bumpCounterAsync = `WITH async AS (SELECT set_config('synchronous_commit', 'off', true))
UPDATE stores SET order_seq = order_seq + 1 FROM async WHERE stores.id = $1 RETURNING order_seq`

// nextNumber bumps the store's order counter and returns its new value.
func (s *Service) nextNumber(ctx context.Context, storeID int) (int, error) {
	q := bumpCounter
	if s.onPostgres {
		q = bumpCounterAsync
	}
	return bump(ctx, s.client, q, storeID)
}

// bump runs stmt (bumpCounter, bumpCounterAsync) for the store through db: the client,
// autocommitted, or a transaction, which then keeps the counter's row locked until it
// ends. Orders placed from a request or quote take their number that way, after their
// claim (see placeCharged): they are few, and a claim lost to a twin then takes none.
func bump(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, stmt string, storeID int) (int, error) {
	rows, err := db.QueryContext(ctx, stmt, storeID)
	if err != nil {
		return 0, err
	}
	var next int
	if rows.Next() {
		err = rows.Scan(&next)
	}
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	if next == 0 {
		return 0, fmt.Errorf("checkout: store %d has no order counter", storeID)
	}
	return next, nil
}
