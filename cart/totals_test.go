package cart

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCompute(t *testing.T) {
	lines := []Line{{UnitPrice: 25000, Quantity: 2}, {UnitPrice: 5000, Quantity: 1}}
	// 15% inclusive: 57,500 gross contains 7,500 tax.
	require.Equal(t, Totals{Subtotal: 55000, Shipping: 2500, Tax: 7500, Total: 57500}, Compute(lines, 2500, 1500, true))
	// 5% exclusive: added on top.
	require.Equal(t, Totals{Subtotal: 55000, Shipping: 2500, Tax: 2875, Total: 60375}, Compute(lines, 2500, 500, false))
	// Rounding half up: 1 × 15% of 3 = 0.45 → 0; of 10 = 1.5 → 2.
	require.Equal(t, int64(0), Compute([]Line{{3, 1}}, 0, 1500, false).Tax)
	require.Equal(t, int64(2), Compute([]Line{{10, 1}}, 0, 1500, false).Tax)
	// Inclusive 115 at 15% holds exactly 15.
	require.Equal(t, int64(15), Compute([]Line{{115, 1}}, 0, 1500, true).Tax)
	require.Equal(t, Totals{}, Compute(nil, 0, 1500, true), "an empty cart costs nothing")
	require.Equal(t, Totals{Subtotal: 100, Total: 100}, Compute([]Line{{100, 1}}, 0, 0, false), "no tax rate, no tax")
}
