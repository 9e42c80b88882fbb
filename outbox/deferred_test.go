package outbox_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/asynccommit"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// A change that raises an event ends its request's deferral before its transaction
// commits: the relay delivers an event as soon as it is committed, so it must be on disk
// by then. A change that raises none (a cart) leaves the request deferring.
func TestAnEventEndsItsRequestsDeferral(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		system := func() context.Context {
			return viewer.SystemContext(asynccommit.Defer(context.Background()), "test")
		}

		ctx := system()
		tx, err := db.Client.Tx(ctx)
		require.NoError(t, err)
		_, err = tx.Cart.Create().SetTenantID(c.TenantA.ID).SetStoreID(c.StoreA1.ID).
			SetToken(int(time.Now().UnixNano() % (1 << 50))).SetRegionID(c.SAR.ID).SetCurrencyCode("SAR").Save(ctx)
		require.NoError(t, err)
		require.NoError(t, tx.Commit())
		assert.True(t, asynccommit.Deferring(ctx), "a cart raises no event")

		ctx = system()
		tx, err = db.Client.Tx(ctx)
		require.NoError(t, err)
		_, err = tx.Store.UpdateOneID(c.StoreA1.ID).SetName("Renamed").Save(ctx)
		require.NoError(t, err)
		assert.False(t, asynccommit.Deferring(ctx), "store.updated, before the commit")
		require.NoError(t, tx.Commit())

		ctx = system()
		_, err = db.Client.Store.UpdateOneID(c.StoreA1.ID).SetName("Renamed again").Save(ctx)
		require.NoError(t, err)
		assert.False(t, asynccommit.Deferring(ctx), "outside a transaction too")
	})
}
