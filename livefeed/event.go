// Package livefeed carries the outbox's events to the GraphQL subscriptions of this API
// instance: each instance holds one pub/sub subscription (Hub; Redis where instances
// share one, see package pubsub) and hands every event to the local subscribers allowed
// to see it; the workers publish each relayed event once (Publish). Pub/sub is
// fire-and-forget: a subscriber that is not connected when an
// event goes by does not get it later. Dashboards that must not miss anything re-read with
// a query after reconnecting; the feed is for seeing changes live.
package livefeed

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/dakkah/cityos/outbox"
)

// Event is an event as the events subscription shows it.
type Event struct {
	ID            string
	Type          string
	OccurredAt    time.Time
	TenantID      *int
	StoreID       *int
	AggregateType *string
	AggregateID   *int
	Sequence      int64
	Data          map[string]any
}

// OrderEvent is an event about an order, as the orderEvents subscription shows it; the
// order itself is read when the event is sent, with the subscriber's rights.
type OrderEvent struct {
	ID         string
	Type       string
	OccurredAt time.Time
	Sequence   int64
	OrderID    int
}

func toEvent(ev outbox.Event) *Event {
	out := &Event{ID: outbox.PublicID(ev.ID), Type: ev.Topic, OccurredAt: ev.OccurredAt,
		TenantID: ev.TenantID, StoreID: ev.StoreID, Sequence: ev.Sequence}
	if ev.AggregateType != "" {
		out.AggregateType = &ev.AggregateType
	}
	if ev.AggregateID != 0 {
		out.AggregateID = &ev.AggregateID
	}
	if len(ev.Payload) > 0 {
		_ = json.Unmarshal(ev.Payload, &out.Data) // a payload that is not an object shows as null
	}
	return out
}

// toOrderEvent is the order event of ev (whose aggregate is the order), or nil when ev
// is not about an order.
func toOrderEvent(ev outbox.Event) *OrderEvent {
	if !strings.HasPrefix(ev.Topic, "order.") || ev.AggregateType != "order" || ev.AggregateID == 0 {
		return nil
	}
	id := ev.AggregateID
	return &OrderEvent{ID: outbox.PublicID(ev.ID), Type: ev.Topic, OccurredAt: ev.OccurredAt, Sequence: ev.Sequence, OrderID: id}
}
