package cart

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/pricing"
)

func compute(t *testing.T, lines []Line, shipping int64, taxBps int, inclusive bool) Totals {
	t.Helper()
	got, err := Compute(lines, shipping, taxBps, inclusive)
	require.NoError(t, err)
	return got
}

func TestCompute(t *testing.T) {
	lines := []Line{{UnitPrice: 25000, Quantity: 2}, {UnitPrice: 5000, Quantity: 1}}
	// 15% inclusive: 57,500 gross contains 7,500 tax.
	require.Equal(t, Totals{Subtotal: 55000, Shipping: 2500, Tax: 7500, Total: 57500}, compute(t, lines, 2500, 1500, true))
	// 5% exclusive: added on top.
	require.Equal(t, Totals{Subtotal: 55000, Shipping: 2500, Tax: 2875, Total: 60375}, compute(t, lines, 2500, 500, false))
	// Rounding half up: 1 × 15% of 3 = 0.45 → 0; of 10 = 1.5 → 2.
	require.Equal(t, int64(0), compute(t, []Line{{3, 1}}, 0, 1500, false).Tax)
	require.Equal(t, int64(2), compute(t, []Line{{10, 1}}, 0, 1500, false).Tax)
	// Inclusive 115 at 15% holds exactly 15.
	require.Equal(t, int64(15), compute(t, []Line{{115, 1}}, 0, 1500, true).Tax)
	require.Equal(t, Totals{}, compute(t, nil, 0, 1500, true), "an empty cart costs nothing")
	require.Equal(t, Totals{Subtotal: 100, Total: 100}, compute(t, []Line{{100, 1}}, 0, 0, false), "no tax rate, no tax")
}

// Amounts near the bounds are exact, and anything past them is refused, never wrapped:
// 2^62 × 4 once made a total of 0, and a larger price a negative one.
func TestComputeNeverWraps(t *testing.T) {
	half := []Line{{UnitPrice: pricing.MaxAmount, Quantity: MaxQuantity / 2}}
	got := compute(t, half, 0, 10000, false) // 100% tax, added on top
	line := pricing.MaxAmount * MaxQuantity / 2
	require.Equal(t, line, got.Subtotal)
	require.Equal(t, line, got.Tax, "exact: the tax's product needs more than 64 bits")
	require.Equal(t, 2*line, got.Total)
	require.LessOrEqual(t, got.Total, MaxTotal)
	require.Less(t, MaxTotal, int64(1)<<53, "JavaScript reads every total exactly")
	top := []Line{{UnitPrice: pricing.MaxAmount, Quantity: MaxQuantity}}
	got = compute(t, top, 0, 1500, true)
	require.Equal(t, int64(130434782608565), got.Tax, "999,999,999,999,000 × 15/115, rounded")

	for name, c := range map[string]struct {
		lines    []Line
		shipping int64
		taxBps   int
	}{
		"2^62 × 4":                 {[]Line{{1 << 62, 4}}, 0, 0},
		"max int64 × 2":            {[]Line{{math.MaxInt64, 2}}, 0, 0},
		"a line past MaxTotal":     {[]Line{{MaxTotal/7 + 1, 7}}, 0, 0},
		"lines summing past it":    {[]Line{{MaxTotal, 1}, {1, 1}}, 0, 0},
		"shipping pushing past it": {[]Line{{MaxTotal, 1}}, 1, 0},
		"tax pushing past it":      {[]Line{{MaxTotal, 1}}, 0, 1},
		"a negative price":         {[]Line{{-1, 1}}, 0, 0},
		"negative shipping":        {nil, -1, 0},
	} {
		_, err := Compute(c.lines, c.shipping, c.taxBps, false)
		require.ErrorIs(t, err, ErrTooLarge, name)
	}
}
