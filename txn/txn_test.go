package txn_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// Run joins the transaction ctx carries: the inner write commits or rolls back with the
// outer transaction, not on its own.
func TestRunJoinsTheContextsTransaction(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		ctx := viewer.SystemContext(context.Background(), "test")
		outerErr := errors.New("outer fails after the inner write")
		err := txn.Run(ctx, db.Client, func(tx *ent.Tx) error {
			inner := ent.NewTxContext(ctx, tx)
			require.NoError(t, txn.Run(inner, db.Client, func(got *ent.Tx) error {
				assert.Same(t, tx, got)
				return got.Scope.Create().SetHandle("joined").SetName("Joined").Exec(inner)
			}))
			return outerErr
		})
		require.ErrorIs(t, err, outerErr)
		n, err := db.Client.Scope.Query().Count(ctx)
		require.NoError(t, err)
		assert.Zero(t, n, "the inner write rolled back with the outer transaction")
	})
}
