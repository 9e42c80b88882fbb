package commission

import "fmt"

// Allocate splits total over parts in proportion to their amounts: a refund of a vendor
// order spread over what its lines have left to refund. The split is cumulative: the first
// k shares add up to round_half_even(total * (parts[0]+…+parts[k-1]) / sum), so the shares
// add up to total exactly, and each lies within 0..its part (its exact share is below the
// part, and two roundings move a difference by less than one). A total equal to the sum
// gives every part whole: the refund that completes an order refunds every line exactly.
func Allocate(total int64, parts []int64) ([]int64, error) {
	var sum int64
	for _, p := range parts {
		if p < 0 {
			return nil, fmt.Errorf("%w: part %d is negative", ErrInvalidLine, p)
		}
		s, err := add(sum, p)
		if err != nil {
			return nil, err
		}
		sum = s
	}
	if total < 0 || total > sum {
		return nil, fmt.Errorf("%w: %d to allocate over parts of %d", ErrRefund, total, sum)
	}
	out := make([]int64, len(parts))
	var prefix, before int64
	for i, p := range parts {
		prefix += p
		upTo, err := mulDivHalfEven(total, prefix, max(sum, 1))
		if err != nil {
			return nil, err
		}
		out[i], before = upTo-before, upTo
	}
	return out, nil
}
