package cart

import (
	"math/bits"

	"github.com/dakkah/cityos/apperr"
)

// Line is what totals need of a line item.
type Line struct {
	UnitPrice int64
	Quantity  int
}

// Totals are a cart's amounts in minor units of its currency.
type Totals struct {
	Subtotal, Shipping, Tax, Total int64
}

// MaxTotal bounds every amount of a cart or order, in minor units: below 10^15, so a
// JavaScript client reads it exactly (2^53 ≈ 9·10^15) and no sum or tax of amounts in
// bounds wraps. A line of MaxQuantity units at pricing.MaxAmount stays below it.
const MaxTotal int64 = 1_000_000_000_000_000 - 1

// ErrTooLarge refuses a cart whose amounts would pass MaxTotal.
var ErrTooLarge = apperr.Invalid("quantity", "the cart's total would pass %d, the most an order may be", MaxTotal)

// Compute totals lines and shipping with the region's tax rate (basis points). Tax
// applies to goods and shipping. Inclusive prices already contain the tax, so it is
// taken out of them (total = subtotal + shipping); exclusive prices get it added on top.
// Rounding is half up, once, on the whole cart. Every step is checked: an amount that
// would pass MaxTotal (or is negative) is ErrTooLarge, never a wrapped number.
func Compute(lines []Line, shipping int64, taxBps int, inclusive bool) (Totals, error) {
	var t Totals
	var ok bool
	if t.Subtotal, ok = subtotal(lines); !ok {
		return Totals{}, ErrTooLarge
	}
	t.Shipping = shipping
	taxable, ok := add(t.Subtotal, t.Shipping)
	if !ok || taxBps < 0 || taxBps > 10000 {
		return Totals{}, ErrTooLarge
	}
	if inclusive {
		t.Tax = mulDivRound(taxable, int64(taxBps), 10000+int64(taxBps))
		t.Total = taxable
	} else {
		t.Tax = mulDivRound(taxable, int64(taxBps), 10000)
		if t.Total, ok = add(taxable, t.Tax); !ok {
			return Totals{}, ErrTooLarge
		}
	}
	return t, nil
}

// LineTotal is a line's unit price times its quantity; false past MaxTotal.
func LineTotal(unitPrice int64, quantity int) (int64, bool) {
	if unitPrice < 0 || quantity < 0 {
		return 0, false
	}
	if quantity != 0 && unitPrice > MaxTotal/int64(quantity) {
		return 0, false
	}
	return unitPrice * int64(quantity), true
}

// subtotal sums the lines' totals; false past MaxTotal.
func subtotal(lines []Line) (int64, bool) {
	var sum int64
	for _, l := range lines {
		lt, ok := LineTotal(l.UnitPrice, l.Quantity)
		if !ok {
			return 0, false
		}
		if sum, ok = add(sum, lt); !ok {
			return 0, false
		}
	}
	return sum, true
}

// add is a + b for amounts from 0 to MaxTotal; false past MaxTotal.
func add(a, b int64) (int64, bool) {
	if a < 0 || b < 0 || a > MaxTotal-b {
		return 0, false
	}
	return a + b, true
}

// mulDivRound is a × m / d rounded half up, for a from 0 to MaxTotal, m from 0 to d and
// positive d: exact in 128 bits, and at most a.
func mulDivRound(a, m, d int64) int64 {
	hi, lo := bits.Mul64(uint64(a), uint64(2*m))
	lo, carry := bits.Add64(lo, uint64(d), 0)
	q, _ := bits.Div64(hi+carry, lo, uint64(2*d))
	return int64(q)
}
