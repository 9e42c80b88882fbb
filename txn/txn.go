// Package txn runs writes in database transactions. It is a foundation: every capability
// writes through it, and it knows nothing of any of them.
package txn

import (
	"context"
	"fmt"

	"github.com/dakkah/cityos/ent"
)

// Run runs fn in a transaction, rolling back on error or panic. When ctx already carries
// a transaction (ent.NewTxContext), fn runs in it and the outer caller commits: an
// inbound webhook's change and its "applied" mark are then one transaction.
func Run(ctx context.Context, client *ent.Client, fn func(tx *ent.Tx) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(tx)
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if v := recover(); v != nil {
			_ = tx.Rollback()
			panic(v)
		}
	}()
	if err := fn(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rollback: %v)", err, rerr)
		}
		return err
	}
	return tx.Commit()
}

// Write runs one write in a transaction and returns the row it produced, detached from
// the finished transaction so its edges can still be loaded through client.
func Write[T interface{ Unwrap() T }](ctx context.Context, client *ent.Client, write func(tx *ent.Tx) (T, error)) (T, error) {
	var out T
	err := Run(ctx, client, func(tx *ent.Tx) (err error) {
		out, err = write(tx)
		return err
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return out.Unwrap(), nil
}
