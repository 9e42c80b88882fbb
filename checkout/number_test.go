package checkout_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/checkout"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/testenv"
)

// The order counter commits without waiting for the disk on PostgreSQL; the setting
// must end with that statement, or every later commit on its connection would be
// asynchronous too, orders included.
func TestOrderNumbersLeaveLaterCommitsDurable(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		db.SQL.SetMaxOpenConns(1) // so the check below runs on the connection that numbered
		svc := checkout.New(db.Client, payment.NewRegistry(payment.Manual{}), checkout.OnPostgres(db.Dialect == "postgres"))
		for i, key := range []string{"first", "second"} {
			o, err := svc.Complete(ct.Shopper(c.StoreA1), ct.Ready(t, c).Token, key, checkout.Edges{})
			require.NoError(t, err)
			require.Equal(t, i+1, o.DisplayID)
		}
		if db.Dialect != "postgres" {
			return // SQLite has no asynchronous commit
		}
		var mode string
		require.NoError(t, db.SQL.QueryRow(`SHOW synchronous_commit`).Scan(&mode))
		require.Equal(t, "on", mode)
	})
}
