package commission

import (
	"errors"
	"fmt"
	"time"
)

// Commission is the commission of one line, with what the caller records: the rule chosen
// (0 when no rule applied) and the two parts, which always add up to Amount.
type Commission struct {
	RuleID   int
	Currency string
	Percent  int64 // round_half_even(line amount * bps / 10000)
	Flat     int64 // the flat part actually charged (less than the rule's when capped)
	Amount   int64 // Percent + Flat: never negative, never more than the line amount
}

// ErrCurrency is returned when amounts of different currencies meet: money is never
// converted here.
var ErrCurrency = errors.New("commission: currencies differ")

// ErrInvalidLine is returned for a line with a negative amount or quantity or no currency.
var ErrInvalidLine = errors.New("commission: invalid line")

// For selects the rule for line (see Select) and computes its commission. When no rule
// applies the commission is zero, with RuleID 0.
func For(rules []Rule, line Line, at time.Time) (Commission, error) {
	r, ok := Select(rules, line, at)
	if !ok {
		if err := checkLine(line); err != nil {
			return Commission{}, err
		}
		return Commission{Currency: line.Currency}, nil
	}
	return Compute(r, line)
}

// Compute is the commission of line under rule r: round_half_even(amount * bps / 10000),
// plus the flat amount, capped at the line amount. Rounding is per line. The percentage part
// never exceeds the amount (bps <= 10000), so the cap only ever trims the flat part.
func Compute(r Rule, line Line) (Commission, error) {
	if err := checkLine(line); err != nil {
		return Commission{}, err
	}
	if err := r.Validate(); err != nil {
		return Commission{}, err
	}
	if r.Flat > 0 && r.Currency != line.Currency {
		return Commission{}, fmt.Errorf("%w: rule %d charges a flat %s, the line is in %s", ErrCurrency, r.ID, r.Currency, line.Currency)
	}
	pct, err := mulDivHalfEven(line.Amount, r.Bps, MaxBps)
	if err != nil {
		return Commission{}, err
	}
	flat := min(r.Flat, line.Amount-pct)
	return Commission{RuleID: r.ID, Currency: line.Currency, Percent: pct, Flat: flat, Amount: pct + flat}, nil
}

func checkLine(l Line) error {
	switch {
	case l.Amount < 0:
		return fmt.Errorf("%w: amount %d is negative", ErrInvalidLine, l.Amount)
	case l.Quantity < 0:
		return fmt.Errorf("%w: quantity %d is negative", ErrInvalidLine, l.Quantity)
	case !isCurrency(l.Currency):
		return fmt.Errorf("%w: currency %q is not an ISO 4217 code", ErrInvalidLine, l.Currency)
	}
	return nil
}
