package pricing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/pricing"
)

func TestDiscounted(t *testing.T) {
	for _, c := range []struct {
		amount int64
		bps    int
		want   int64
	}{
		{10000, 0, 10000},
		{10000, 1000, 9000}, // 10% of 100.00
		{24900, 750, 23032}, // 7.5% of 249.00 is 18.675: half to even, 18.68 off
		{100, 50, 100},      // 0.5% of 1.00 is 0.5 of a unit: to even, nothing off
		{300, 50, 298},      // 1.5 units: to even, 2 off
		{10000, 10000, 0},   // everything
		{MaxAmount(), 1, MaxAmount() - MaxAmount()/10000},
	} {
		assert.Equal(t, c.want, pricing.Discounted(c.amount, c.bps), "%d less %d bps", c.amount, c.bps)
	}
}

// MaxAmount is pricing.MaxAmount, rounded down to a multiple of 10,000 so the expected
// discount is exact.
func MaxAmount() int64 { return pricing.MaxAmount / 10000 * 10000 }
