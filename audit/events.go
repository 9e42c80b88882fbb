package audit

import (
	"context"

	"github.com/dakkah/cityos/outbox"
)

// eventIgnored are the fields whose change raises no event: the log's bookkeeping, and
// an endpoint's run of dead deliveries, counted as deliveries fail: an event for each
// would be delivered to the endpoints, failing ones included, and feed itself.
func eventIgnored(entityType, field string) bool {
	return ignored(entityType, field) || entityType+"."+field == "IntegrationEndpoint.dead_streak"
}

// raise hands the rows' changes to the outbox as events, secrets left out.
func (r *recorder) raise(ctx context.Context, entries ...entry) error {
	if !r.eventing {
		return nil
	}
	changes := make([]outbox.Change, 0, len(entries))
	for _, e := range entries {
		id := intOf(e.row["id"])
		tenantID, storeID := scopeOf(r.m.Type(), id, e.row)
		changes = append(changes, outbox.Change{Type: r.m.Type(), Action: e.action, ID: id,
			TenantID: tenantID, StoreID: storeID, Row: public(e.row), Before: e.before})
	}
	return outbox.Raise(ctx, r.m, changes)
}

// public is row without what an event must never carry: fields the entity does not show
// (Sensitive ones are absent already), secret ones, values holding a secret, edges.
func public(row map[string]any) map[string]any {
	out := make(map[string]any, len(row))
	for k, v := range row {
		if k != "edges" && !secret(k) && !holdsSecret(v) {
			out[k] = v
		}
	}
	return out
}

// Snapshot is an entity as an event shows it: its fields by their JSON names, without
// its edges or anything secret (the rule of every event's payload). Sync jobs send rows
// in this form.
func Snapshot(entity any) map[string]any { return public(fieldsOf(entity)) }
