// Package outbox records events in the same transaction as the change that raised them.
// A relay worker later hands each event to the queue; a crash can delay an event but
// never lose it, and consumers de-duplicate by event id.
package outbox

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/viewer"
)

// Topics of the events the platform raises.
const (
	OrderPlaced  = "order.placed"
	OrderShipped = "order.shipped"
)

// Add writes an event through tx. Events are internal rows, written in the system
// context whoever raised them.
func Add(ctx context.Context, tx *ent.Tx, tenantID int, topic string, payload map[string]any) error {
	c := tx.OutboxEvent.Create().SetTopic(topic).SetPayload(payload)
	if tenantID != 0 {
		c.SetTenantID(tenantID)
	}
	return c.Exec(viewer.SystemContext(ctx, "outbox"))
}
