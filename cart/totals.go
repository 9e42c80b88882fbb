package cart

// Line is what totals need of a line item.
type Line struct {
	UnitPrice int64
	Quantity  int
}

// Totals are a cart's amounts in minor units of its currency.
type Totals struct {
	Subtotal, Shipping, Tax, Total int64
}

// Compute totals lines and shipping with the region's tax rate (basis points). Tax
// applies to goods and shipping. Inclusive prices already contain the tax, so it is
// taken out of them (total = subtotal + shipping); exclusive prices get it added on top.
// Rounding is half up, once, on the whole cart.
func Compute(lines []Line, shipping int64, taxBps int, inclusive bool) Totals {
	var t Totals
	for _, l := range lines {
		t.Subtotal += l.UnitPrice * int64(l.Quantity)
	}
	t.Shipping = shipping
	taxable := t.Subtotal + t.Shipping
	if inclusive {
		t.Tax = divRound(taxable*int64(taxBps), 10000+int64(taxBps))
		t.Total = taxable
	} else {
		t.Tax = divRound(taxable*int64(taxBps), 10000)
		t.Total = taxable + t.Tax
	}
	return t
}

// divRound divides non-negative a by positive b, rounding half up.
func divRound(a, b int64) int64 { return (2*a + b) / (2 * b) }
