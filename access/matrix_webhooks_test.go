package access_test

import (
	"testing"
	"time"

	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/webhookdelivery"
)

// endpointVars picks the fixture's endpoint described desc (and its delivery) as $id.
func endpointVars(desc string) func(testing.TB, *fx) map[string]any {
	return func(t testing.TB, f *fx) map[string]any {
		ep, err := f.DB.Client.IntegrationEndpoint.Query().Where(integrationendpoint.Description(desc)).Only(sysCtx())
		if err != nil {
			t.Fatalf("endpoint %q: %v", desc, err)
		}
		d, err := f.DB.Client.WebhookDelivery.Query().Where(webhookdelivery.EndpointID(ep.ID)).Only(sysCtx())
		if err != nil {
			t.Fatalf("delivery of %q: %v", desc, err)
		}
		return map[string]any{"id": gid(ep.ID), "delivery": gid(d.ID), "since": time.Now().Add(-time.Hour).Format(time.RFC3339)}
	}
}

// webhookQueryCases: an endpoint's deliveries are read by the endpoint's readers.
func webhookQueryCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	const op = `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 10, where: {status: dead}) {
		totalCount edges { node { error status attempt eventType webhookID endpoint { description } } } } }`
	return []Case{
		{
			Name: "webhookDeliveries/A1 search", Op: op, Vars: endpointVars("A1 search"),
			Expect: func() Cells {
				ok := Filtered(Set("webhookDeliveries", "error", "A1 search: HTTP 500"), Eq("webhookDeliveries.edges.0.node.endpoint.description", "A1 search"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, VA1: notFound, VA2: notFound}
			}(),
		},
		{
			Name: "webhookDeliveries/A erp", Op: op, Vars: endpointVars("A erp"),
			Expect: func() Cells {
				ok := Filtered(Set("webhookDeliveries", "error", "A erp: HTTP 500"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, VA1: notFound, VA2: notFound}
			}(),
		},
		{
			Name: "webhookDeliveries/B crm", Op: op, Vars: endpointVars("B crm"),
			Expect: func() Cells {
				ok := Filtered(Set("webhookDeliveries", "error", "B crm: HTTP 500"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated, VA1: notFound, VA2: notFound}
			}(),
		},
	}
}

// webhookMutationCases: only the tenant's admins ping and replay (a vendor's admins see
// their vendor's endpoints only: others' are NOT_FOUND to them) (the fixture's client
// makes no request: the attempt fails, and is still the answer).
func webhookMutationCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	const pingOp = `mutation($id: ID!) { pingIntegrationEndpoint(id: $id) { eventType attempt status endpoint { description } } }`
	const replayOp = `mutation($delivery: ID!) { replayDelivery(id: $delivery) { eventType webhookID attempt } }`
	const replayEventsOp = `mutation($id: ID!, $since: Time!) { replayEvents(endpointId: $id, since: $since) { enqueued truncated } }`
	pinged := Allow(Eq("pingIntegrationEndpoint.eventType", "ping"), Eq("pingIntegrationEndpoint.status", "failed"))
	replayed := Allow(Eq("replayDelivery.eventType", "order.placed"), NotNull("replayDelivery.webhookID"), Eq("replayDelivery.attempt", 1))
	requeued := Allow(Eq("replayEvents.truncated", false))
	return []Case{
		{
			Name: "pingIntegrationEndpoint/A1 search", Op: pingOp, Vars: endpointVars("A1 search"),
			Expect: Cells{SA: pinged, TA: pinged, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
		{
			Name: "pingIntegrationEndpoint/B crm", Op: pingOp, Vars: endpointVars("B crm"),
			Expect: Cells{SA: pinged, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: pinged, AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
		{
			Name: "replayDelivery/A1 search", Op: replayOp, Vars: endpointVars("A1 search"),
			Expect: Cells{SA: replayed, TA: replayed, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
		{
			Name: "replayDelivery/B crm", Op: replayOp, Vars: endpointVars("B crm"),
			Expect: Cells{SA: replayed, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: replayed, AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
		{
			Name: "replayEvents/A erp", Op: replayEventsOp, Vars: endpointVars("A erp"),
			Expect: Cells{SA: requeued, TA: requeued, SM: notFound, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
		{
			Name: "replayEvents/B crm", Op: replayEventsOp, Vars: endpointVars("B crm"),
			Expect: Cells{SA: requeued, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: requeued, AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
	}
}
