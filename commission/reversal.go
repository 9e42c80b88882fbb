package commission

import (
	"errors"
	"fmt"
)

// ErrRefund is returned for a refund that is negative or takes more than the line amount.
var ErrRefund = errors.New("commission: invalid refund")

// Reverse is the commission given back when refundNow more of a line of lineAmount is
// refunded or cancelled, refundedSoFar having been refunded before.
//
// The remainder rule: the commission reversed in total after refunding R of the line is
// round_half_even(commission * R / lineAmount), and each reversal is that total after this
// refund less the total before it. So the reversals of a line add up to the rounded share
// of what was refunded so far, any rounding remainder falls to the refund that crosses it,
// and the refund that completes the line (R = lineAmount) takes exactly what is left: all
// reversals of a fully refunded line sum to its commission, to the minor unit. Rounding is
// monotone, so no reversal is ever negative and the sum never exceeds the commission.
func Reverse(original Commission, lineAmount, refundedSoFar, refundNow int64) (int64, error) {
	switch {
	case refundedSoFar < 0 || refundNow < 0:
		return 0, fmt.Errorf("%w: refunded %d so far and %d now: negative", ErrRefund, refundedSoFar, refundNow)
	case original.Amount < 0 || original.Amount > lineAmount:
		return 0, fmt.Errorf("%w: commission %d of a line of %d", ErrInvalidLine, original.Amount, lineAmount)
	}
	after, err := add(refundedSoFar, refundNow)
	if err != nil || after > lineAmount {
		return 0, fmt.Errorf("%w: refunds of %d and %d exceed the line amount %d", ErrRefund, refundedSoFar, refundNow, lineAmount)
	}
	if lineAmount == 0 {
		return 0, nil
	}
	before, err := mulDivHalfEven(original.Amount, refundedSoFar, lineAmount)
	if err != nil {
		return 0, err
	}
	total, err := mulDivHalfEven(original.Amount, after, lineAmount)
	if err != nil {
		return 0, err
	}
	return total - before, nil
}
