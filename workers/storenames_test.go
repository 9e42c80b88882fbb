package workers_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// Emails name a store as it was read up to a minute before; a rename shows after that.
func TestEmailsNameStoresAsReadWithinAMinute(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		now := time.Unix(1_800_000_000, 0)
		names := workers.NewStoreNames(func() time.Time { return now })
		name, err := names.Name(sys(), db.Client, f.StoreA1.ID)
		require.NoError(t, err)
		require.Equal(t, f.StoreA1.Name, name)
		require.NoError(t, db.Client.Store.UpdateOneID(f.StoreA1.ID).SetName("Renamed").Exec(sys()))

		now = now.Add(time.Minute - time.Millisecond)
		name, err = names.Name(sys(), db.Client, f.StoreA1.ID)
		require.NoError(t, err)
		require.Equal(t, f.StoreA1.Name, name)
		name, err = names.Name(sys(), db.Client, f.StoreA2.ID)
		require.NoError(t, err)
		require.Equal(t, f.StoreA2.Name, name, "each store by its own name")

		now = now.Add(time.Millisecond)
		name, err = names.Name(sys(), db.Client, f.StoreA1.ID)
		require.NoError(t, err)
		require.Equal(t, "Renamed", name)
	})
}
