package integration_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/integration"
	"github.com/dakkah/cityos/outbox"
)

// A vendor's endpoint hears its vendor and the rows that name it, never the tenant's other
// business nor another vendor's.
func TestVendorEndpointHearsItsVendorOnly(t *testing.T) {
	tenant, v1, v2, store := 7, 11, 12, 3
	ep := &ent.IntegrationEndpoint{ID: 1, TenantID: tenant, VendorID: &v1, Enabled: true, EventTypes: []string{"*"}}
	event := func(topic, agg string, aggID int, payload map[string]any) outbox.Event {
		raw, _ := json.Marshal(payload)
		return outbox.Event{Topic: topic, TenantID: &tenant, StoreID: &store, AggregateType: agg, AggregateID: aggID, Payload: raw}
	}
	cases := []struct {
		name string
		ev   outbox.Event
		want bool
	}{
		{"its vendor", event("vendor.updated", "vendor", v1, map[string]any{"id": v1}), true},
		{"another vendor", event("vendor.updated", "vendor", v2, map[string]any{"id": v2}), false},
		{"its vendor order", event("vendor_order.shipped", "vendor_order", 90, map[string]any{"vendor_id": v1}), true},
		{"another's vendor order", event("vendor_order.shipped", "vendor_order", 91, map[string]any{"vendor_id": v2}), false},
		{"its product", event("product.updated", "product", 5, map[string]any{"vendor_id": v1, "title": "Oud"}), true},
		{"the tenant's product", event("product.updated", "product", 6, map[string]any{"vendor_id": nil}), false},
		{"its payout", event("payout.paid", "payout", 8, map[string]any{"vendor_id": v1}), true},
		{"the customer order", event("order.placed", "order", 4, map[string]any{"store_id": store}), false},
		{"a customer", event("customer.created", "customer", 9, map[string]any{"email": "c@x.test"}), false},
		{"a payload that is not a row", outbox.Event{Topic: "vendor_order.shipped", TenantID: &tenant, Payload: json.RawMessage(`[1]`)}, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, integration.Hears(ep, c.ev), c.name)
	}
	// Pings and snapshots made for the endpoint reach it whatever they carry.
	ping := outbox.Event{Topic: "ping", TenantID: &tenant, TargetEndpointID: &ep.ID, Payload: json.RawMessage(`{"endpointId":1}`)}
	assert.True(t, integration.Hears(ep, ping))
	// Another tenant's event never, even naming the same vendor id.
	other := 8
	ev := event("vendor_order.shipped", "vendor_order", 90, map[string]any{"vendor_id": v1})
	ev.TenantID = &other
	assert.False(t, integration.Hears(ep, ev))
}
