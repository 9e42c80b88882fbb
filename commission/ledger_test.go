package commission

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func day(d int) time.Time { return time.Date(2026, 2, d, 12, 0, 0, 0, time.UTC) }

// A vendor's month: a 159.00 SAR line at 7 % (11.13), refunded 50.00 (3.50 back), and an
// 80.00 line at 10 % (8.00) still in its hold period.
var month = []Entry{
	{Kind: Sale, Vendor: 2, Currency: "SAR", Amount: 15900, At: day(1)},
	{Kind: Charge, Vendor: 2, Currency: "SAR", Amount: 1113, At: day(1)},
	{Kind: Refund, Vendor: 2, Currency: "SAR", Amount: 5000, At: day(20)},
	{Kind: Reversal, Vendor: 2, Currency: "SAR", Amount: 350, At: day(20)},
	{Kind: Sale, Vendor: 2, Currency: "SAR", Amount: 8000, At: day(15)},
	{Kind: Charge, Vendor: 2, Currency: "SAR", Amount: 800, At: day(15)},
}

func TestNet(t *testing.T) {
	b, err := Net(month)
	require.NoError(t, err)
	// 23900 - 1913 - 5000 + 350
	require.Equal(t, Balance{Vendor: 2, Currency: "SAR", Gross: 23900, Commission: 1913, Refunds: 5000, CommissionReversed: 350, Net: 17337}, b)

	b, err = Net(Between(month, day(10), day(20)))
	require.NoError(t, err)
	require.Equal(t, Balance{Vendor: 2, Currency: "SAR", Gross: 8000, Commission: 800, Net: 7200}, b, "the period is from <= at < until")

	b, err = Net(Between(month, day(10), time.Time{}))
	require.NoError(t, err)
	require.Equal(t, int64(8000-800-5000+350), b.Net)

	b, err = Net(nil)
	require.NoError(t, err)
	require.Equal(t, Balance{}, b)
}

func TestNetRefuses(t *testing.T) {
	with := func(e Entry) []Entry { return append(append([]Entry(nil), month...), e) }
	for _, tc := range []struct {
		name    string
		entries []Entry
		err     error
	}{
		{"mixed currencies", with(Entry{Kind: Sale, Vendor: 2, Currency: "USD", Amount: 1}), ErrCurrency},
		{"mixed vendors", with(Entry{Kind: Sale, Vendor: 3, Currency: "SAR", Amount: 1}), ErrMixed},
		{"negative amount", with(Entry{Kind: Refund, Vendor: 2, Currency: "SAR", Amount: -1}), ErrInvalidEntry},
		{"unknown kind", with(Entry{Vendor: 2, Currency: "SAR", Amount: 1}), ErrInvalidEntry},
		{"overflowing gross", with(Entry{Kind: Sale, Vendor: 2, Currency: "SAR", Amount: math.MaxInt64}), ErrOverflow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Net(tc.entries)
			require.ErrorIs(t, err, tc.err)
		})
	}
}

func TestNetLarge(t *testing.T) {
	const e15 = 1_000_000_000_000_000
	entries := []Entry{
		{Kind: Sale, Vendor: 1, Currency: "SAR", Amount: e15},
		{Kind: Sale, Vendor: 1, Currency: "SAR", Amount: e15},
		{Kind: Charge, Vendor: 1, Currency: "SAR", Amount: e15 / 4},
		{Kind: Refund, Vendor: 1, Currency: "SAR", Amount: e15},
		{Kind: Reversal, Vendor: 1, Currency: "SAR", Amount: e15 / 8},
	}
	b, err := Net(entries)
	require.NoError(t, err)
	require.Equal(t, int64(e15-e15/4+e15/8), b.Net)
}

func TestPayoutAmount(t *testing.T) {
	hold := 14 * 24 * time.Hour

	// On the 25th with a two weeks' hold: the first sale and its commission are due, the refund
	// and its reversal count at once, the sale of the 15th waits (cut-off: the 11th).
	p, err := PayoutAmount(month, day(25), hold)
	require.NoError(t, err)
	require.Equal(t, int64(15900-1113-5000+350), p.Amount)
	require.Equal(t, int64(10137), p.Balance.Net)
	require.Zero(t, p.CarryForward)
	require.Equal(t, []Entry{month[0], month[1], month[2], month[3]}, p.Entries)

	// Exactly at the cut-off the sale is due.
	p, err = PayoutAmount(month[4:], day(15).Add(hold), hold)
	require.NoError(t, err)
	require.Equal(t, int64(7200), p.Amount)

	// The first sale already paid: the refund leaves the vendor owing 46.50. Nothing is paid
	// or settled; the debt carries into the next run.
	p, err = PayoutAmount(month[2:], day(21), hold)
	require.NoError(t, err)
	require.Zero(t, p.Amount)
	require.Equal(t, int64(4650), p.CarryForward)
	require.Equal(t, int64(-4650), p.Balance.Net)
	require.Empty(t, p.Entries)

	// Next run, the sale of the 15th out of its hold: 72.00 less the 46.50 carried.
	p, err = PayoutAmount(month[2:], day(30), hold)
	require.NoError(t, err)
	require.Equal(t, int64(2550), p.Amount)
	require.Len(t, p.Entries, 4)

	_, err = PayoutAmount(append([]Entry{{Kind: Refund, Vendor: 2, Currency: "USD", Amount: 1, At: day(1)}}, month...), day(25), hold)
	require.ErrorIs(t, err, ErrCurrency)
}
