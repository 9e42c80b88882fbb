package pricing_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// A page's variants read the columns their selection shows (their keys, and for stock
// and prices nothing more); a selection that reaches past them, through an edge, reads
// the variants whole, and every field still answers.
func TestPageVariantsReadTheColumnsTheyShow(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		addGrid(t, c, 3)
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		shop := c.As(testenv.PublishableA)
		variantsRead := func(q string, out any) string {
			t.Helper()
			log.Take()
			api.MustDo(t, shop, q, map[string]any{"r": id(c.SAR.ID)}).Decode(t, out)
			for _, st := range log.Take() {
				if strings.Contains(st.SQL, "FROM \"product_variants\"") || strings.Contains(st.SQL, "FROM `product_variants`") {
					return st.SQL
				}
			}
			t.Fatal("no read of variants")
			return ""
		}
		type page struct {
			Products struct {
				Edges []struct {
					Node struct {
						Variants []struct {
							Sku               string
							Weight            *int
							AvailableQuantity int
							CalculatedPrice   *struct{ Amount int }
							Product           *struct{ Handle string }
						}
					}
				}
			}
		}
		var narrow page
		sql := variantsRead(`query($r: ID) { products(first: 3, regionId: $r, where: {handleHasPrefix: "grid-"}) { edges { node {
  variants { sku weight availableQuantity calculatedPrice { amount } } } } } }`, &narrow)
		require.Contains(t, sql, "sku")
		require.Contains(t, sql, "weight")
		require.NotContains(t, sql, "images", "a column nobody asked for")
		require.NotContains(t, sql, "created_at")
		require.Len(t, narrow.Products.Edges, 3)
		for _, e := range narrow.Products.Edges {
			require.NotEmpty(t, e.Node.Variants)
			for _, v := range e.Node.Variants {
				require.True(t, strings.HasPrefix(v.Sku, "GRID-"), v.Sku)
				require.NotNil(t, v.CalculatedPrice, v.Sku)
			}
		}

		var whole page
		sql = variantsRead(`query($r: ID) { products(first: 3, regionId: $r, where: {handleHasPrefix: "grid-"}) { edges { node {
  variants { sku availableQuantity product { handle } } } } } }`, &whole)
		require.Contains(t, sql, "images", "an edge below the variants: they are read whole")
		for _, e := range whole.Products.Edges {
			for _, v := range e.Node.Variants {
				require.NotNil(t, v.Product)
				require.True(t, strings.HasPrefix(v.Product.Handle, "grid-"), v.Product.Handle)
			}
		}
	})
}
