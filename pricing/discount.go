package pricing

// Discounted is amount less bps basis points of it, to the minor unit, rounding the
// discount half to even (as commissions round), so 0.5 of a unit favours neither side
// over many lines. bps is 0-10000.
func Discounted(amount int64, bps int) int64 {
	if bps <= 0 {
		return amount
	}
	// amount ≤ MaxAmount (< 2^53) and bps ≤ 10^4: the product stays below 2^63.
	num := amount * int64(bps)
	off, rem := num/10000, num%10000
	if rem > 5000 || (rem == 5000 && off%2 == 1) {
		off++
	}
	return amount - off
}
