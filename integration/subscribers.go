package integration

import (
	"context"
	"encoding/json"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/outbox"
)

// Hears reports whether endpoint e is to receive ev: e is enabled and of ev's tenant, ev
// is not the echo of a change e itself pushed in (origin), ev is not meant for another
// endpoint only (target, a sync's snapshots), e subscribes to ev's type and store, and,
// for a vendor's endpoint, ev is of its vendor (OfVendor). An event without a tenant
// reaches no endpoint.
func Hears(e *ent.IntegrationEndpoint, ev outbox.Event) bool {
	switch {
	case !e.Enabled, ev.TenantID == nil || *ev.TenantID != e.TenantID:
		return false
	case ev.OriginEndpointID != nil && *ev.OriginEndpointID == e.ID:
		return false
	case ev.TargetEndpointID != nil:
		// A sync's snapshots go to the endpoint they were made for, no other.
		return *ev.TargetEndpointID == e.ID && Matches(e, ev.Topic, ev.StoreID)
	case e.VendorID != nil && !OfVendor(ev, *e.VendorID):
		return false
	}
	return Matches(e, ev.Topic, ev.StoreID)
}

// OfVendor reports whether ev is about vendor vendorID's own business: the vendor itself,
// or a row that names it (its products, stock locations, vendor orders, commission lines,
// payouts carry vendor_id). Every other event of the tenant (its orders, customers,
// settings) is not the vendor's to hear.
func OfVendor(ev outbox.Event, vendorID int) bool {
	if ev.AggregateType == "vendor" {
		return ev.AggregateID == vendorID
	}
	var row struct {
		VendorID *int `json:"vendor_id"`
	}
	if json.Unmarshal(ev.Payload, &row) != nil || row.VendorID == nil {
		return false
	}
	return *row.VendorID == vendorID
}

// Subscribers are the endpoints that hear ev (see Hears), read with ctx: a worker
// passes a system context, since no caller's policy applies to a delivery.
func Subscribers(ctx context.Context, client *ent.Client, ev outbox.Event) ([]*ent.IntegrationEndpoint, error) {
	if ev.TenantID == nil {
		return nil, nil
	}
	q := client.IntegrationEndpoint.Query().
		Where(integrationendpoint.TenantID(*ev.TenantID), integrationendpoint.Enabled(true)).
		Order(ent.Asc(integrationendpoint.FieldID))
	if ev.TargetEndpointID != nil {
		q.Where(integrationendpoint.ID(*ev.TargetEndpointID))
	}
	all, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, e := range all {
		if Hears(e, ev) {
			out = append(out, e)
		}
	}
	return out, nil
}
