package commission

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReverse(t *testing.T) {
	for _, tc := range []struct {
		name       string
		commission int64
		line       int64
		refunds    []int64
		want       []int64
	}{
		{"three thirds: the middle one takes the remainder", 1000, 3000, []int64{1000, 1000, 1000}, []int64{333, 334, 333}},
		{"three exact parts", 309, 12345, []int64{4115, 4115, 4115}, []int64{103, 103, 103}},
		{"halves at a .5 tie: even first, the rest last", 1, 2, []int64{1, 1}, []int64{0, 1}},
		{"ties round to even", 3, 6, []int64{1, 2, 3}, []int64{0, 2, 1}},
		{"partial then full refund", 1113, 15900, []int64{1234, 14666}, []int64{86, 1027}},
		{"two partials then the rest", 1113, 15900, []int64{1234, 5000, 9666}, []int64{86, 350, 677}},
		{"one full refund", 1113, 15900, []int64{15900}, []int64{1113}},
		{"partial refund only", 1113, 15900, []int64{5000}, []int64{350}},
		{"zero refund", 1113, 15900, []int64{0, 15900}, []int64{0, 1113}},
		{"zero commission", 0, 15900, []int64{100, 15800}, []int64{0, 0}},
		{"zero line", 0, 0, []int64{0}, []int64{0}},
		{"10^15", 250_000_000_000_000, 1_000_000_000_000_000, []int64{1, 999_999_999_999_999}, []int64{0, 250_000_000_000_000}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sofar, total int64
			for i, r := range tc.refunds {
				got, err := Reverse(Commission{Amount: tc.commission}, tc.line, sofar, r)
				require.NoError(t, err)
				require.Equal(t, tc.want[i], got, "reversal %d", i+1)
				sofar += r
				total += got
			}
			if sofar == tc.line {
				require.Equal(t, tc.commission, total, "a full refund reverses all of the commission")
			}
		})
	}
}

func TestReverseRefuses(t *testing.T) {
	c := Commission{Amount: 100}
	for _, tc := range []struct {
		name             string
		line, sofar, now int64
		err              error
	}{
		{"more than the line", 1000, 600, 401, ErrRefund},
		{"again after a full refund", 1000, 1000, 1, ErrRefund},
		{"negative refund", 1000, 0, -1, ErrRefund},
		{"negative so far", 1000, -1, 1, ErrRefund},
		{"commission above the line", 50, 0, 10, ErrInvalidLine},
		{"overflowing refunds", 1000, 9_223_372_036_854_775_807, 1, ErrRefund},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Reverse(c, tc.line, tc.sofar, tc.now)
			require.ErrorIs(t, err, tc.err)
		})
	}
}

// For many random lines, rules and splits of a full refund, the reversals are never
// negative, never exceed the commission on the way, and add up to it exactly.
func TestReverseAddsUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 5))
	for i := range 5000 {
		amount := rng.Int64N(1_000_000_000_000_001)
		if i%2 == 0 {
			amount = rng.Int64N(100_000) // small lines, where rounding matters most
		}
		rule := Rule{ID: 1, Scope: ScopeTenant, ScopeID: 1, Bps: rng.Int64N(MaxBps + 1), Flat: rng.Int64N(1000), Currency: "SAR"}
		c, err := Compute(rule, Line{Amount: amount, Quantity: 1, Currency: "SAR", Tenant: 1})
		require.NoError(t, err)
		require.GreaterOrEqual(t, c.Amount, int64(0))
		require.LessOrEqual(t, c.Amount, amount)

		splits := 1 + rng.IntN(6)
		var sofar, reversed int64
		for s := range splits {
			refund := amount - sofar // the last split refunds the rest
			if s < splits-1 {
				refund = rng.Int64N(refund + 1)
			}
			got, err := Reverse(c, amount, sofar, refund)
			require.NoError(t, err)
			require.GreaterOrEqual(t, got, int64(0), "case %d: amount %d, %+v", i, amount, c)
			sofar += refund
			reversed += got
			require.LessOrEqual(t, reversed, c.Amount)
		}
		require.Equal(t, c.Amount, reversed, "case %d: amount %d, %+v", i, amount, c)
	}
}
