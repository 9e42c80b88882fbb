package commission

import (
	"errors"
	"fmt"
	"time"
)

// Kind is what a ledger entry records. Every Amount is positive; the kind says which way
// it moves the vendor's balance.
type Kind int

const (
	Sale     Kind = iota + 1 // a captured line: gross owed to the vendor
	Charge                   // commission taken on a sale
	Refund                   // gross given back to the shopper
	Reversal                 // commission given back to the vendor on a refund
)

// Entry is one movement of a vendor's money, in one currency.
type Entry struct {
	Kind     Kind
	Vendor   int
	Currency string
	Amount   int64
	At       time.Time // when the sale was captured (a Charge: its sale's), or the refund made
}

// Balance is a vendor's figures in one currency: Net = Gross - Commission - Refunds +
// CommissionReversed. It may be negative (refunds after a payout).
type Balance struct {
	Vendor             int
	Currency           string
	Gross              int64
	Commission         int64
	Refunds            int64
	CommissionReversed int64
	Net                int64
}

// ErrMixed is returned when entries of different vendors meet in one balance.
var ErrMixed = errors.New("commission: entries of different vendors")

// ErrInvalidEntry is returned for a negative amount or an unknown kind.
var ErrInvalidEntry = errors.New("commission: invalid ledger entry")

// Net sums entries of one vendor and one currency (choose the period with Between). Mixed
// vendors or currencies are an error, never a sum.
func Net(entries []Entry) (Balance, error) {
	var b Balance
	for i, e := range entries {
		if i == 0 {
			b.Vendor, b.Currency = e.Vendor, e.Currency
		}
		switch {
		case e.Currency != b.Currency:
			return Balance{}, fmt.Errorf("%w: %s and %s in one balance", ErrCurrency, b.Currency, e.Currency)
		case e.Vendor != b.Vendor:
			return Balance{}, fmt.Errorf("%w: %d and %d", ErrMixed, b.Vendor, e.Vendor)
		case e.Amount < 0:
			return Balance{}, fmt.Errorf("%w: amount %d is negative", ErrInvalidEntry, e.Amount)
		}
		var sum *int64
		switch e.Kind {
		case Sale:
			sum = &b.Gross
		case Charge:
			sum = &b.Commission
		case Refund:
			sum = &b.Refunds
		case Reversal:
			sum = &b.CommissionReversed
		default:
			return Balance{}, fmt.Errorf("%w: kind %d", ErrInvalidEntry, e.Kind)
		}
		s, err := add(*sum, e.Amount)
		if err != nil {
			return Balance{}, err
		}
		*sum = s
	}
	net, err := add(b.Gross, -b.Commission)
	if err == nil {
		net, err = add(net, -b.Refunds)
	}
	if err == nil {
		net, err = add(net, b.CommissionReversed)
	}
	if err != nil {
		return Balance{}, err
	}
	b.Net = net
	return b, nil
}

// Between is the entries with from <= At < until; a zero bound is open.
func Between(entries []Entry, from, until time.Time) []Entry {
	var in []Entry
	for _, e := range entries {
		if (from.IsZero() || !e.At.Before(from)) && (until.IsZero() || e.At.Before(until)) {
			in = append(in, e)
		}
	}
	return in
}

// Payout is what a payout run pays a vendor in one currency.
type Payout struct {
	Balance Balance // of the entries the run settles
	Entries []Entry // those entries
	Amount  int64   // max(Balance.Net, 0)
	// CarryForward is the debt (a negative net, as a positive number) the vendor still owes.
	CarryForward int64
}

// PayoutAmount is the payout of a vendor's unpaid entries at now with a hold period. Sales
// and their commission count once they are older than hold; refunds and their reversals
// count at once, so money already given back to a shopper is never paid out. When the net
// is negative nothing is paid and nothing is settled: Entries is empty, and the caller
// leaves them unpaid, so the debt carries forward into the next run's net.
func PayoutAmount(entries []Entry, now time.Time, hold time.Duration) (Payout, error) {
	cutoff := now.Add(-hold)
	var due []Entry
	for _, e := range entries {
		if e.Kind == Refund || e.Kind == Reversal || !e.At.After(cutoff) {
			due = append(due, e)
		}
	}
	b, err := Net(due)
	if err != nil {
		return Payout{}, err
	}
	if b.Net < 0 {
		return Payout{Balance: b, CarryForward: -b.Net}, nil
	}
	return Payout{Balance: b, Entries: due, Amount: b.Net}, nil
}
