package seed_test

import (
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// The demo's tags narrow each store's grid: a storefront's tag filter finds the gifts.
func TestDemoTagsFilterTheStorefront(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		demo(t, db, api)
		tagged := func(store, tag string) []string {
			var out struct {
				Products struct {
					Edges []struct{ Node struct{ Handle string } }
				}
			}
			api.MustDo(t, testenv.Headers{"X-Store-Host": store + ".dakkah.test"},
				`query($t: String) { products(first: 50, tag: $t) { edges { node { handle } } } }`, map[string]any{"t": tag}).Decode(t, &out)
			var hs []string
			for _, e := range out.Products.Edges {
				hs = append(hs, e.Node.Handle)
			}
			sort.Strings(hs)
			return hs
		}
		require.Equal(t, []string{"najdi-heritage-thobe", "royal-oud-oil-traditional"}, tagged("saudi-traditional", "gift"))
		require.Equal(t, []string{"classic-white-thobe"}, tagged("saudi-traditional", "bestseller"))
		require.Equal(t, []string{"ajwa-dates"}, tagged("dates-coffee", "bestseller"))
		require.Empty(t, tagged("dates-coffee", "no-such-tag"))
	})
}
