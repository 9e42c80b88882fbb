package livefeed

import (
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/outbox"
)

// Filter decides which events one subscriber gets.
type Filter struct {
	Scope Scope
	// Types are event type patterns ("order.placed", "order.*", "*"); none: every type.
	Types []string
	// Orders keeps only events about an order (the orderEvents subscription).
	Orders bool
}

// Matches reports whether the subscriber gets ev. The tenant is checked before anything
// else; an event meant for one integration endpoint (a sync job's snapshot) is never
// shown live.
func (f Filter) Matches(ev outbox.Event) bool {
	if ev.TargetEndpointID != nil || !f.Scope.sees(ev.TenantID, ev.StoreID) {
		return false
	}
	if f.Orders && !strings.HasPrefix(ev.Topic, "order.") {
		return false
	}
	if len(f.Types) == 0 {
		return true
	}
	for _, p := range f.Types {
		if outbox.TypeMatches(p, ev.Topic) {
			return true
		}
	}
	return false
}

const (
	maxTypes      = 50
	maxPatternLen = 100
)

// validTypes checks the types argument: a handful of patterns, "*" only at the end.
func validTypes(types []string) error {
	if len(types) > maxTypes {
		return apperr.Invalid("types", "at most %d event types", maxTypes)
	}
	for _, p := range types {
		if p == "" || len(p) > maxPatternLen || strings.Contains(strings.TrimSuffix(p, "*"), "*") {
			return apperr.Invalid("types", "%q is not an event type pattern (such as order.placed, order.* or *)", p)
		}
	}
	return nil
}
