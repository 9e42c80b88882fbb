package webhooks

import (
	"encoding/json"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/outbox"
)

// message is the body of a webhook: the Standard Webhooks shape {type, timestamp, data},
// data being the event (a public contract: see the README's event catalog).
type message struct {
	Type      string      `json:"type"`
	Timestamp string      `json:"timestamp"`
	Data      messageData `json:"data"`
}

type messageData struct {
	ID            string         `json:"id"`
	TenantID      *int           `json:"tenantId"`
	StoreID       *int           `json:"storeId"`
	AggregateType string         `json:"aggregateType"`
	AggregateID   int            `json:"aggregateId"`
	Sequence      int64          `json:"sequence"`
	Object        map[string]any `json:"object"`
}

// body is the webhook of event ev. It depends on the event alone, so every attempt and
// replay sends the same bytes.
func body(ev *ent.OutboxEvent) ([]byte, error) {
	obj := ev.Payload
	if obj == nil {
		obj = map[string]any{}
	}
	return json.Marshal(message{
		Type:      ev.Topic,
		Timestamp: ev.CreatedAt.UTC().Format(time.RFC3339Nano),
		Data: messageData{
			ID: outbox.PublicID(ev.ID), TenantID: ev.TenantID, StoreID: ev.StoreID,
			AggregateType: ev.AggregateType, AggregateID: ev.AggregateID, Sequence: ev.Sequence,
			Object: obj,
		},
	})
}
