package checkout

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
)

// The vendor orders of a cart, against totals computed by hand (see split for the rules).
func TestSplit(t *testing.T) {
	type line struct {
		vendor int // 0: the tenant's product
		price  int64
		qty    int
	}
	type want struct {
		vendor                         int
		subtotal, shipping, tax, total int64
	}
	cases := []struct {
		name      string
		lines     []line
		shipping  int64
		bps       int
		inclusive bool
		perVendor bool
		want      []want
	}{
		{
			// tax 6500 (49831 × 15/115 = 6499.7); V1 ⌊6500×10833/49831⌋ = 1413, V3
			// ⌊6500×4831/49831⌋ = 630; V2, the largest, takes the rest of tax and shipping.
			name:  "three vendors, inclusive, shipping per vendor",
			lines: []line{{1, 10000, 1}, {2, 33333, 1}, {3, 1999, 2}}, shipping: 2500, bps: 1500, inclusive: true, perVendor: true,
			want: []want{{1, 10000, 833, 1413, 10833}, {2, 33333, 834, 4457, 34167}, {3, 3998, 833, 630, 4831}},
		},
		{
			// tax 3767 (75331 × 5% = 3766.55); V1 500.1, V2 1666.9, V3 299.9 rounded down;
			// the tenant part keeps shipping and 1302 of tax.
			name:  "three vendors and the tenant, exclusive, rounding remainder to the tenant",
			lines: []line{{0, 24000, 1}, {1, 10001, 1}, {2, 33333, 1}, {3, 1999, 3}}, shipping: 2000, bps: 500,
			want: []want{{1, 10001, 0, 500, 10501}, {2, 33333, 0, 1666, 34999}, {3, 5997, 0, 299, 6296}},
		},
		{
			// tax 2283 (17500 × 15/115 = 2282.6): V1 1304, V2 652, the shipping's 327 stays.
			name:  "vendors only, shipping the marketplace's",
			lines: []line{{1, 10000, 1}, {2, 5000, 1}}, shipping: 2500, bps: 1500, inclusive: true,
			want: []want{{1, 10000, 0, 1304, 10000}, {2, 5000, 0, 652, 5000}},
		},
		{
			// shipping 1001 in two: V2 500, the tenant part (the sink) 501; no tax.
			name:  "per vendor with a tenant line, no tax",
			lines: []line{{2, 700, 1}, {0, 300, 1}}, shipping: 1001,
			perVendor: true,
			want:      []want{{2, 700, 500, 0, 1200}},
		},
		{name: "the tenant's products alone", lines: []line{{0, 5000, 2}}, shipping: 2500, bps: 1500},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var (
				items   []*ent.LineItem
				lines   []cart.Line
				vendors = cart.Vendors{}
			)
			for i, l := range tc.lines {
				items = append(items, &ent.LineItem{VariantID: i + 1, UnitPrice: l.price, Quantity: l.qty})
				lines = append(lines, cart.Line{UnitPrice: l.price, Quantity: l.qty})
				if l.vendor != 0 {
					vendors[i+1] = l.vendor
				}
			}
			order, err := cart.Compute(lines, tc.shipping, tc.bps, tc.inclusive)
			require.NoError(t, err)
			parts := split(items, vendors, order, tc.inclusive, tc.perVendor)
			require.Len(t, parts, len(tc.want))
			var sum cart.Totals
			for i, w := range tc.want {
				p := parts[i]
				assert.Equal(t, w, want{p.vendorID, p.totals.Subtotal, p.totals.Shipping, p.totals.Tax, p.totals.Total}, "vendor %d", w.vendor)
				for _, l := range p.lines {
					assert.Equal(t, w.vendor, tc.lines[l].vendor, "line %d in vendor %d's part", l, w.vendor)
				}
				sum.Subtotal += p.totals.Subtotal
				sum.Shipping += p.totals.Shipping
				sum.Tax += p.totals.Tax
				sum.Total += p.totals.Total
			}
			tenantLines := false
			for _, l := range tc.lines {
				tenantLines = tenantLines || l.vendor == 0
			}
			if len(parts) > 0 && !tenantLines && (tc.perVendor || tc.shipping == 0) {
				assert.Equal(t, order, sum, "the vendor orders are the whole order")
			}
			// What the tenant part keeps is never negative: nothing is lost or made up.
			assert.LessOrEqual(t, sum.Subtotal, order.Subtotal)
			assert.LessOrEqual(t, sum.Shipping, order.Shipping)
			assert.LessOrEqual(t, sum.Tax, order.Tax)
			assert.LessOrEqual(t, sum.Total, order.Total)
		})
	}
}
