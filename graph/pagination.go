package graph

import "github.com/dakkah/cityos/apperr"

const (
	// DefaultPageSize is the page a connection returns when neither first nor last is given.
	DefaultPageSize = 20
	// MaxPageSize is the largest page a client may ask for.
	MaxPageSize = 100
)

// PageSize is the number of items a connection page will hold, for pricing a query: an
// out-of-range first or last counts as the largest page, so that the resolver, not the
// complexity limit, tells the client which argument is wrong.
func PageSize(first, last *int) int {
	n := DefaultPageSize
	switch {
	case first != nil:
		n = *first
	case last != nil:
		n = *last
	}
	return min(max(n, 0), MaxPageSize)
}

// page checks first/last and defaults first, so no list is ever unbounded.
func page(first, last *int) (*int, *int, error) {
	for name, v := range map[string]*int{"first": first, "last": last} {
		if v != nil && (*v < 0 || *v > MaxPageSize) {
			return nil, nil, apperr.Invalid(name, "%s must be between 0 and %d", name, MaxPageSize)
		}
	}
	if first == nil && last == nil {
		n := DefaultPageSize
		first = &n
	}
	return first, last, nil
}
