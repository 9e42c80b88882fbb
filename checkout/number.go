package checkout

import (
	"context"
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
// crash) leaves a gap, never a repeat.

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
	rows, err := s.client.QueryContext(ctx, q, storeID)
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
