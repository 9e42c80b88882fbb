package graph

import "github.com/dakkah/cityos/apperr"

const (
	// DefaultPageSize is the page a connection returns when neither first nor last is given.
	DefaultPageSize = 20
	// MaxPageSize is the largest page a client may ask for.
	MaxPageSize = 100
)

// PageSize is the number of items a connection page will hold.
func PageSize(first, last *int) int {
	switch {
	case first != nil:
		return *first
	case last != nil:
		return *last
	}
	return DefaultPageSize
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
