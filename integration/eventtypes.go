package integration

import (
	"slices"
	"strings"
)

// Catalog lists, by aggregate, the verbs of the event types an endpoint may subscribe
// to: the contract of issue 9 (`<aggregate>.<verb>`). Kept here, in one place, until
// the outbox exports the catalog it emits; then this becomes that list.
var Catalog = map[string][]string{
	"tenant":               crud,
	"store":                crud,
	"domain":               append(slices.Clone(crud), "verified"),
	"api_key":              crud,
	"product":              crud,
	"variant":              crud,
	"price":                crud,
	"inventory":            append(slices.Clone(crud), "level_changed"),
	"customer":             crud,
	"order":                append(slices.Clone(crud), "placed", "canceled", "payment_captured", "payment_refunded", "fulfilled", "shipped", "delivered"),
	"sales_channel":        crud,
	"integration_endpoint": append(slices.Clone(crud), "disabled"),
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

// matchesType reports whether an event of type t is one the pattern subscribes to. A
// snapshot of an aggregate matches every pattern of that aggregate: a system that
// hears product changes gets the products a full sync sends.
func matchesType(pattern, t string) bool {
	if pattern == "*" || pattern == t {
		return true
	}
	pAgg, pVerb, _ := strings.Cut(pattern, ".")
	agg, verb, _ := strings.Cut(t, ".")
	if pAgg != agg {
		return false
	}
	return pVerb == "*" || verb == snapshot
}
