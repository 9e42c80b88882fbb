package integration

import (
	"slices"
	"strings"

	"github.com/dakkah/cityos/outbox"
)

// Catalog lists, by aggregate, the verbs of the event types an endpoint may subscribe
// to (`<aggregate>.<verb>`): every aggregate the outbox raises events of
// (outbox.Aggregates), with the changes every one has and the named ones some have.
var Catalog = catalog()

// namedVerbs are the events some aggregates raise beyond created, updated and deleted.
var namedVerbs = map[string][]string{
	"domain":               {"verified"},
	"inventory":            {"level_changed"},
	"order":                {"placed", "canceled", "payment_captured", "payment_refunded", "fulfilled", "shipped", "delivered"},
	"integration_endpoint": {"disabled"},
	"vendor":               {"approved", "rejected", "suspended"},
}

func catalog() map[string][]string {
	out := map[string][]string{}
	for _, agg := range outbox.Aggregates {
		out[agg] = append(slices.Clone(crud), namedVerbs[agg]...)
	}
	return out
}

var crud = []string{"created", "updated", "deleted"}

// snapshot is the verb of the events a sync job sends (`product.snapshot`): the
// current state of a row, for an endpoint that hears any event of its aggregate.
const snapshot = "snapshot"

// ValidEventType reports whether t may be subscribed to: "*", "<aggregate>.*", or a
// type of the catalog.
func ValidEventType(t string) bool {
	if t == "*" {
		return true
	}
	agg, verb, ok := strings.Cut(t, ".")
	verbs, known := Catalog[agg]
	if !ok || !known {
		return false
	}
	return verb == "*" || slices.Contains(verbs, verb)
}

// matchesType reports whether an event of type t is one the pattern subscribes to
// (outbox.TypeMatches). A snapshot of an aggregate matches every pattern of that
// aggregate: a system that hears product changes gets the products a full sync sends.
func matchesType(pattern, t string) bool {
	if outbox.TypeMatches(pattern, t) {
		return true
	}
	pAgg, _, _ := strings.Cut(pattern, ".")
	agg, verb, _ := strings.Cut(t, ".")
	return pAgg == agg && verb == snapshot
}

// SubscribesTo reports whether any of patterns subscribes to events of type t.
func SubscribesTo(patterns []string, t string) bool {
	return slices.ContainsFunc(patterns, func(p string) bool { return matchesType(p, t) })
}
