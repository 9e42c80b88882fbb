package webhooks

import (
	"encoding/json"
	"time"

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
	ID            string          `json:"id"`
	TenantID      *int            `json:"tenantId"`
	StoreID       *int            `json:"storeId"`
	AggregateType string          `json:"aggregateType"`
	AggregateID   int             `json:"aggregateId"`
	Sequence      int64           `json:"sequence"`
	Object        json.RawMessage `json:"object"`
}

// body is the webhook of event ev. It depends on the event alone, so every attempt and
// replay sends the same bytes: both the relay and Deliver read the event's row from the
// database and encode its payload the same way.
func body(ev outbox.Event) ([]byte, error) {
	obj := ev.Payload
	if len(obj) == 0 || string(obj) == "null" {
		obj = json.RawMessage("{}")
	}
	return json.Marshal(message{
		Type:      ev.Topic,
		Timestamp: ev.OccurredAt.UTC().Format(time.RFC3339Nano),
		Data: messageData{
			ID: outbox.PublicID(ev.ID), TenantID: ev.TenantID, StoreID: ev.StoreID,
			AggregateType: ev.AggregateType, AggregateID: ev.AggregateID, Sequence: ev.Sequence,
			Object: obj,
		},
	})
}
