package commission

import (
	"slices"
	"time"
)

// Line is an order line as the commission sees it.
type Line struct {
	Amount   int64 // after discounts, in minor units of Currency
	Quantity int64
	Currency string // ISO 4217, the order's currency

	Tenant     int
	Vendor     int
	Product    int
	Categories []int // the product's categories (the caller may include their ancestors)
	Collection int   // 0 when the product is in none
}

// matches reports whether the rule's scope covers the line.
func (r Rule) matches(l Line) bool {
	if r.ScopeID <= 0 {
		return false // 0 is "none" on a line (no collection), never a match
	}
	switch r.Scope {
	case ScopeTenant:
		return r.ScopeID == l.Tenant
	case ScopeVendor:
		return r.ScopeID == l.Vendor
	case ScopeCategory:
		return slices.Contains(l.Categories, r.ScopeID)
	case ScopeCollection:
		return r.ScopeID == l.Collection
	case ScopeProduct:
		return r.ScopeID == l.Product
	}
	return false
}

// Select returns the rule that applies to line for an order placed at `at`, and false when
// none does. Only rules valid at `at` whose scope covers the line compete, and the winner is:
//  1. the most specific scope: product > collection > category > vendor > tenant;
//  2. among equally specific rules, the higher Priority;
//  3. then the lower ID, so the choice never depends on the order of rules.
func Select(rules []Rule, line Line, at time.Time) (Rule, bool) {
	var best Rule
	found := false
	for _, r := range rules {
		if !r.ValidAt(at) || !r.matches(line) {
			continue
		}
		if !found || beats(r, best) {
			best, found = r, true
		}
	}
	return best, found
}

func beats(a, b Rule) bool {
	if a.Scope != b.Scope {
		return a.Scope > b.Scope
	}
	if a.Priority != b.Priority {
		return a.Priority > b.Priority
	}
	return a.ID < b.ID
}
