package commission

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCompute(t *testing.T) {
	for _, tc := range []struct {
		name          string
		amount        int64
		bps, flat     int64
		pct, flatPart int64
	}{
		// Half-even on the exact amount*bps/10000.
		{"308.625 rounds up", 12345, 250, 0, 309, 0},
		{"308.5 rounds to even 308", 12340, 250, 0, 308, 0},
		{"308.75 rounds up", 12350, 250, 0, 309, 0},
		{"309.5 rounds to even 310", 12380, 250, 0, 310, 0},
		{"0.5 rounds to 0", 1, 5000, 0, 0, 0},
		{"1.5 rounds to 2", 3, 5000, 0, 2, 0},
		{"2.5 rounds to 2", 500, 500, 0, 25, 0},
		{"0.25 rounds down", 50, 50, 0, 0, 0},
		{"exact", 10000, 1000, 0, 1000, 0},
		{"7 % of 159.00", 15900, 700, 0, 1113, 0},
		{"0.7 % of 1.50 is 1.05 minor, rounds to 1", 150, 70, 0, 1, 0},
		{"100 %", 4321, 10000, 0, 4321, 0},
		{"0 bps", 4321, 0, 0, 0, 0},
		// Flat and percentage together.
		{"flat + bps", 10000, 1000, 150, 1000, 150},
		{"flat only", 10000, 0, 150, 0, 150},
		{"flat capped at the line", 100, 1000, 150, 10, 90},
		{"flat capped at 100 %", 999, 10000, 1, 999, 0},
		{"zero amount", 0, 1000, 150, 0, 0},
		// Large amounts: amount*bps overflows int64, the 128-bit product does not.
		{"10^15 at 100 %", 1_000_000_000_000_000, 10000, 0, 1_000_000_000_000_000, 0},
		{"10^15 at 25 %", 1_000_000_000_000_000, 2500, 0, 250_000_000_000_000, 0},
		{"near 10^15 at 12.34 %", 999_999_999_999_999, 1234, 0, 123_400_000_000_000, 0},
		{"10^15+5000 at 1 bp: .5 to even", 1_000_000_000_005_000, 1, 0, 100_000_000_000, 0},
		{"10^15+15000 at 1 bp: .5 to even", 1_000_000_000_015_000, 1, 0, 100_000_000_002, 0},
		{"max int64 at 100 %", 9_223_372_036_854_775_807, 10000, 0, 9_223_372_036_854_775_807, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Rule{ID: 9, Scope: ScopeTenant, ScopeID: 1, Bps: tc.bps, Flat: tc.flat}
			if tc.flat > 0 {
				r.Currency = "SAR"
			}
			c, err := Compute(r, Line{Amount: tc.amount, Quantity: 3, Currency: "SAR", Tenant: 1})
			require.NoError(t, err)
			require.Equal(t, Commission{RuleID: 9, Currency: "SAR", Percent: tc.pct, Flat: tc.flatPart, Amount: tc.pct + tc.flatPart}, c)
			require.LessOrEqual(t, c.Amount, tc.amount)
		})
	}
}

func TestComputeRefuses(t *testing.T) {
	rule := Rule{ID: 1, Scope: ScopeTenant, ScopeID: 1, Bps: 1000, Flat: 100, Currency: "SAR"}
	line := Line{Amount: 1000, Quantity: 1, Currency: "SAR", Tenant: 1}

	l := line
	l.Currency = "USD"
	_, err := Compute(rule, l)
	require.ErrorIs(t, err, ErrCurrency, "a flat in another currency is never converted")

	pct := rule
	pct.Flat = 0
	c, err := Compute(pct, l)
	require.NoError(t, err, "a percentage rule's currency does not matter")
	require.Equal(t, int64(100), c.Amount)

	l = line
	l.Amount = -1
	_, err = Compute(rule, l)
	require.ErrorIs(t, err, ErrInvalidLine)

	l = line
	l.Currency = ""
	_, err = Compute(rule, l)
	require.ErrorIs(t, err, ErrInvalidLine)

	bad := rule
	bad.Bps = 20000
	_, err = Compute(bad, line)
	require.ErrorIs(t, err, ErrInvalidRule)
}

func TestFor(t *testing.T) {
	line := Line{Amount: 15900, Quantity: 2, Currency: "SAR", Tenant: 1, Vendor: 2}
	rules := []Rule{
		{ID: 1, Scope: ScopeTenant, ScopeID: 1, Bps: 1000},
		{ID: 2, Scope: ScopeVendor, ScopeID: 2, Bps: 700},
	}
	c, err := For(rules, line, feb)
	require.NoError(t, err)
	require.Equal(t, Commission{RuleID: 2, Currency: "SAR", Percent: 1113, Amount: 1113}, c)

	c, err = For(nil, line, feb)
	require.NoError(t, err)
	require.Equal(t, Commission{Currency: "SAR"}, c, "no rule: no commission")
}
