// Package commission is the one place marketplace money is computed: which commission rule
// applies to an order line, the commission of that line, its reversal on refund or cancel,
// and a vendor's balance and payout. It is pure arithmetic on integer minor units (never
// floats): no database, no HTTP. The entities and workers of the marketplace call it and
// record what it returns.
package commission

import (
	"errors"
	"fmt"
	"time"
)

// Scope is what a rule applies to. Scopes are listed from the least to the most specific:
// a more specific scope always beats a less specific one (see Select).
type Scope int

const (
	ScopeTenant Scope = iota + 1
	ScopeVendor
	ScopeCategory
	ScopeCollection
	ScopeProduct
)

var scopeNames = map[Scope]string{
	ScopeTenant: "tenant", ScopeVendor: "vendor", ScopeCategory: "category",
	ScopeCollection: "collection", ScopeProduct: "product",
}

func (s Scope) String() string {
	if n, ok := scopeNames[s]; ok {
		return n
	}
	return fmt.Sprintf("scope(%d)", int(s))
}

// MaxBps is 100 %: percentages are in basis points (1 bp = 0.01 %).
const MaxBps = 10000

// Rule is a tenant's commission rule. The commission of a line is Bps of its amount plus
// Flat, once per line whatever its quantity (a flat fee per unit would make a line of 100
// cheap items cost more in fees than one dear item; per line is what sellers expect from
// "a fee per sale").
type Rule struct {
	ID      int
	Scope   Scope
	ScopeID int   // the tenant, vendor, category, collection or product the rule is for
	Bps     int64 // percentage part, 0..10000
	Flat    int64 // flat part in minor units of Currency, per line; 0 for none
	// Currency of Flat (ISO 4217); required when Flat > 0.
	Currency string
	// The rule is valid at t when From <= t < Until; a zero bound is open.
	From, Until time.Time
	Priority    int
}

// ErrInvalidRule wraps every reason Validate refuses a rule.
var ErrInvalidRule = errors.New("commission: invalid rule")

// Validate checks a rule before it is stored.
func (r Rule) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalidRule, fmt.Sprintf(format, a...))
	}
	switch {
	case scopeNames[r.Scope] == "":
		return bad("unknown scope %d", int(r.Scope))
	case r.ScopeID <= 0:
		return bad("a %s rule needs the %s's id", r.Scope, r.Scope)
	case r.Bps < 0 || r.Bps > MaxBps:
		return bad("percentage %d bps is outside 0..%d", r.Bps, MaxBps)
	case r.Flat < 0:
		return bad("flat amount %d is negative", r.Flat)
	case r.Flat > 0 && !isCurrency(r.Currency):
		return bad("a flat amount needs an ISO 4217 currency, got %q", r.Currency)
	case r.Currency != "" && !isCurrency(r.Currency):
		return bad("currency %q is not an ISO 4217 code", r.Currency)
	case !r.From.IsZero() && !r.Until.IsZero() && !r.From.Before(r.Until):
		return bad("valid from %s is not before until %s", r.From.Format(time.RFC3339), r.Until.Format(time.RFC3339))
	}
	return nil
}

// ValidAt reports whether the rule is in force at t (the time the order was placed).
func (r Rule) ValidAt(t time.Time) bool {
	return (r.From.IsZero() || !t.Before(r.From)) && (r.Until.IsZero() || t.Before(r.Until))
}

// isCurrency accepts three upper-case ASCII letters, the shape of an ISO 4217 code.
func isCurrency(c string) bool {
	if len(c) != 3 {
		return false
	}
	for i := range 3 {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}
