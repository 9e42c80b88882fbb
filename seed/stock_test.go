package seed_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/seed"
	"github.com/dakkah/cityos/testenv"
)

// The seed reports the stock it leaves, not the stock it would have made: a second run
// after a sale says how many units of the limited edition are really left.
func TestDemoReportsTheStockLeft(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		res := demo(t, db, api)
		require.Len(t, res.Limited, 6, "one limited edition per store")
		for _, l := range res.Limited {
			require.Equal(t, seed.LimitedStock, l.Left, l.Store)
			require.Equal(t, seed.LimitedStock, l.Of, l.Store)
		}
		// Two units of the thobe are sold (reserved by an order).
		n, err := db.Client.InventoryLevel.Update().Where(inventorylevel.HasVariantWith(productvariant.HasProductWith(
			product.Handle("najdi-heritage-thobe")))).SetReservedQuantity(2).Save(sys())
		require.NoError(t, err)
		require.Equal(t, 1, n)

		res = demo(t, db, api)
		left := map[string]int{}
		for _, l := range res.Limited {
			left[l.Store] = l.Left
		}
		require.Equal(t, seed.LimitedStock-2, left["saudi-traditional"])
		require.Equal(t, seed.LimitedStock, left["modern-fashion"])
		var out bytes.Buffer
		res.Print(&out)
		require.Regexp(t, `saudi-traditional\s+najdi-heritage-thobe\s+3 of 5`, out.String())
	})
}
