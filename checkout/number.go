package checkout

import (
	"context"
	"fmt"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
)

// number gives a placed order its store's next display number right after the order
// commits. Every checkout of a store needs the store's counter row, so the counter is
// bumped by one autocommitted UPDATE … RETURNING: the row is locked only inside the
// database for that statement, never across round trips to this process (which, under
// load, is exactly when they are slow). Numbers are unique and increase; a crash between
// the two statements, or two loads numbering the same order at once, can skip one. An
// order that has its number is left alone; one a crash left without is numbered the next
// time it is loaded here.
func (s *Service) number(ctx context.Context, orderID int) error {
	ctx = sys(ctx)
	o, err := s.client.Order.Query().Where(order.ID(orderID), order.DisplayIDLTE(0)).
		Select(order.FieldStoreID).Only(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	_, _, err = s.assignNumber(ctx, orderID, o.StoreID)
	return err
}

// assignNumber bumps the counter of the order's store and gives the order that number,
// unless it has one already (see number). It returns the number and when it was given,
// or 0 when the order had a number (a concurrent retry's load gave it one).
func (s *Service) assignNumber(ctx context.Context, orderID, storeID int) (int, time.Time, error) {
	ctx = sys(ctx)
	next, err := s.nextNumber(ctx, storeID)
	if err != nil {
		return 0, time.Time{}, err
	}
	now := time.Now()
	n, err := s.client.Order.Update().Where(order.ID(orderID), order.DisplayIDLTE(0)).
		SetDisplayID(next).SetUpdatedAt(now).Save(ctx)
	if err != nil || n == 0 {
		return 0, time.Time{}, err
	}
	return next, now, nil
}

// bumpCounter is the counter's UPDATE ($1 is a positional parameter on PostgreSQL and
// SQLite alike).
const bumpCounter = `UPDATE stores SET order_seq = order_seq + 1 WHERE id = $1 RETURNING order_seq`

// bumpCounterAsync is bumpCounter committing without waiting for the disk, on
// PostgreSQL. The row stays locked until its transaction commits, and a synchronous
// commit waits for the WAL to reach the disk: a store's concurrent checkouts queued up
// behind that flush, one at a time. Waiting is not needed for safety: the order takes its
// number in a later, synchronous commit, which flushes the WAL up to and including this
// bump, so no order can durably hold a number the counter forgot. set_config(…, true)
// lasts until the end of the statement's own transaction.
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
