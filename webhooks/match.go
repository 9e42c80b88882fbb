package webhooks

import (
	"strings"

	"github.com/dakkah/cityos/ent"
)

// Matches reports whether an event type is one of patterns: a type ("order.placed"),
// every type of an aggregate ("order.*"), or every type ("*").
func Matches(patterns []string, eventType string) bool {
	for _, p := range patterns {
		switch {
		case p == "*", p == eventType:
			return true
		case strings.HasSuffix(p, ".*") && strings.HasPrefix(eventType, p[:len(p)-1]):
			return true
		}
	}
	return false
}

// target is what decides whether an endpoint hears an event.
type target struct {
	topic            string
	tenantID         *int
	storeID          *int
	originEndpointID *int
	targetEndpointID *int
}

// hears reports whether endpoint ep receives the event t: an event of its tenant, never
// one its own inbound webhook caused, and either addressed to it alone (a sync job's
// snapshot, whatever its subscriptions) or of a type it subscribes to and, for an
// endpoint limited to a store, of that store.
func hears(ep *ent.IntegrationEndpoint, t target) bool {
	switch {
	case t.tenantID == nil || *t.tenantID != ep.TenantID:
		return false
	case t.originEndpointID != nil && *t.originEndpointID == ep.ID:
		return false
	case t.targetEndpointID != nil:
		return *t.targetEndpointID == ep.ID
	case ep.StoreID != nil && (t.storeID == nil || *t.storeID != *ep.StoreID):
		return false
	}
	return Matches(ep.EventTypes, t.topic)
}
