package cart

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
)

// A line whose variant no longer exists (deleted between the cart's reading and the
// shelf's) is unavailable; one whose price moved takes the new price; the others are
// left out of the changes.
func TestChangesCompareLinesWithTheShelf(t *testing.T) {
	region := 7
	c := &ent.Cart{RegionID: region, CurrencyCode: "SAR"}
	c.Edges.Items = []*ent.LineItem{
		{ID: 1, VariantID: 10, Sku: "same", UnitPrice: 100},
		{ID: 2, VariantID: 20, Sku: "moved", UnitPrice: 100},
		{ID: 3, VariantID: 30, Sku: "deleted", UnitPrice: 100},
		{ID: 4, VariantID: 40, Sku: "regional", UnitPrice: 100},
	}
	sar := func(amount int64, regionID *int) *ent.Price {
		return &ent.Price{CurrencyCode: "SAR", Amount: amount, RegionID: regionID}
	}
	sh := &shelf{variants: map[int]*stock{
		10: {sold: true, prices: []*ent.Price{sar(100, nil)}},
		20: {sold: true, prices: []*ent.Price{sar(99900, nil)}},
		40: {sold: true, prices: []*ent.Price{sar(100, nil), sar(90, &region)}},
	}}
	require.Equal(t, []Change{
		{LineItemID: 2, VariantID: 20, Sku: "moved", OldUnitPrice: 100, NewUnitPrice: 99900},
		{LineItemID: 3, VariantID: 30, Sku: "deleted", OldUnitPrice: 100, Unavailable: true},
		{LineItemID: 4, VariantID: 40, Sku: "regional", OldUnitPrice: 100, NewUnitPrice: 90},
	}, changes(c, sh))
}
