package commission

import (
	"errors"
	"math"
	"math/bits"
)

// ErrOverflow is returned when a figure does not fit in int64 minor units.
var ErrOverflow = errors.New("commission: amount overflows int64 minor units")

// mulDivHalfEven is x*y/d rounded half to even, on the exact 128-bit product, for x, y >= 0
// and d > 0.
func mulDivHalfEven(x, y, d int64) (int64, error) {
	hi, lo := bits.Mul64(uint64(x), uint64(y))
	if hi >= uint64(d) {
		return 0, ErrOverflow
	}
	q, r := bits.Div64(hi, lo, uint64(d))
	// r < d < 2^63, so 2r cannot overflow.
	if twice := 2 * r; twice > uint64(d) || twice == uint64(d) && q%2 == 1 {
		q++
	}
	if q > math.MaxInt64 {
		return 0, ErrOverflow
	}
	return int64(q), nil
}

// add is a+b, or ErrOverflow.
func add(a, b int64) (int64, error) {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) {
		return 0, ErrOverflow
	}
	return s, nil
}
