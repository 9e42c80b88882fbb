package access_test

import (
	"fmt"
	"testing"

	"github.com/dakkah/cityos/ent/integrationendpoint"
)

// integrationCases are the rows of the integration endpoints' mutations and filtered
// reads. The fixture's endpoints: "A erp" (tenant A), "A1 search" (store A1), "B crm"
// (tenant B). Tenant admins write their tenant's; store managers only read those of
// their stores; nobody else sees any.
func integrationCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	const createOp = `mutation($in: CreateIntegrationEndpointInput!) { createIntegrationEndpoint(input: $in) {
		secret endpoint { description url eventTypes tenant { handle } store { handle } } } }`
	const updateOp = `mutation($id: ID!) { updateIntegrationEndpoint(id: $id, input: {description: "changed", eventTypes: ["order.*"]}) {
		description eventTypes } }`
	const deleteOp = `mutation($id: ID!) { deleteIntegrationEndpoint(id: $id) }`
	const rotateOp = `mutation($id: ID!) { rotateIntegrationEndpointSecret(id: $id, overlapSeconds: 3600) {
		secret endpoint { description hasPreviousSecret } } }`
	input := func(tenantID int, storeID *int) map[string]any {
		in := map[string]any{"tenantId": gid(tenantID), "url": "https://hooks.example.com/new", "description": "new", "eventTypes": []string{"order.*"}}
		if storeID != nil {
			in["storeId"] = gid(*storeID)
		}
		return map[string]any{"in": in}
	}
	endpoint := func(desc string) func(testing.TB, *fx) map[string]any {
		return func(t testing.TB, f *fx) map[string]any {
			e, err := f.DB.Client.IntegrationEndpoint.Query().Where(integrationendpoint.Description(desc)).Only(sysCtx())
			if err != nil {
				t.Fatalf("endpoint %q: %v", desc, err)
			}
			return map[string]any{"id": gid(e.ID)}
		}
	}
	endpointGone := func(desc string) Check {
		return func(f *fx, _ any) error {
			n, err := f.DB.Client.IntegrationEndpoint.Query().Where(integrationendpoint.Description(desc)).Count(sysCtx())
			if err != nil || n != 0 {
				return fmt.Errorf("the endpoint is still there (%d, %v)", n, err)
			}
			return nil
		}
	}
	// Writes to A's endpoints: A's admins only. The manager of A1 sees "A1 search" (and
	// is refused the write) but not "A erp"; a customer sees no endpoint at all.
	ofA := func(ok Outcome, managerSees bool) Cells {
		sm := notFound
		if managerSees {
			sm = forbidden
		}
		// A vendor's admins see their vendor's endpoints only.
		return Cells{SA: ok, TA: ok, SM: sm, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, VA1: notFound, VA2: notFound}
	}
	ofB := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated, VA1: notFound, VA2: notFound}
	}
	// A create names its tenant: a vendor's admin who names no vendor of its own is refused.
	refusedToVendors := func(c Cells) Cells {
		c.VA1, c.VA2 = forbidden, forbidden
		return c
	}
	created := Allow(NotNull("createIntegrationEndpoint.secret"), Eq("createIntegrationEndpoint.endpoint.description", "new"))
	return []Case{
		{
			Name:   "createIntegrationEndpoint/A",
			Op:     createOp,
			Vars:   func(_ testing.TB, f *fx) map[string]any { return input(f.TenantA.ID, nil) },
			Expect: refusedToVendors(ofA(created, true)), // the manager sees tenant A; only its admins write
		},
		{
			// V1's own integration: its admins (and A's) make it; V2's admin and V1's staff
			// may not.
			Name: "createIntegrationEndpoint/A for V1",
			Op:   createOp,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				in := input(f.TenantA.ID, nil)
				in["in"].(map[string]any)["vendorId"] = gid(f.VendorV1.ID)
				return in
			},
			Expect: func() Cells {
				ok := Allow(NotNull("createIntegrationEndpoint.secret"), func(f *fx, _ any) error {
					e, err := f.DB.Client.IntegrationEndpoint.Query().Where(integrationendpoint.Description("new")).Only(sysCtx())
					if err != nil || e.VendorID == nil || *e.VendorID != f.VendorV1.ID {
						return fmt.Errorf("the new endpoint is not V1's: %v, %v", e, err)
					}
					return nil
				})
				c := refusedToVendors(ofA(ok, true))
				c.VA1 = ok
				return c
			}(),
		},
		{
			Name:   "createIntegrationEndpoint/A1",
			Op:     createOp,
			Vars:   func(_ testing.TB, f *fx) map[string]any { return input(f.TenantA.ID, &f.StoreA1.ID) },
			Expect: refusedToVendors(ofA(Allow(NotNull("createIntegrationEndpoint.secret"), Eq("createIntegrationEndpoint.endpoint.store.handle", "a1")), true)),
		},
		{
			// Tenant B is hidden from A's customer and A1's storefront key.
			Name: "createIntegrationEndpoint/B",
			Op:   createOp,
			Vars: func(_ testing.TB, f *fx) map[string]any { return input(f.TenantB.ID, nil) },
			Expect: func() Cells {
				c := ofB(created)
				c.CU, c.PK = notFound, notFound
				return c
			}(),
		},
		{
			// Tenant B's endpoint on store A1 of tenant A.
			Name: "createIntegrationEndpoint/B on store A1",
			Op:   createOp,
			Vars: func(_ testing.TB, f *fx) map[string]any { return input(f.TenantB.ID, &f.StoreA1.ID) },
			Expect: Cells{
				SA: Deny("BAD_USER_INPUT"),
				TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: notFound, AN: unauthenticated,
			},
		},
		{
			Name:   "updateIntegrationEndpoint/A erp",
			Op:     updateOp,
			Vars:   endpoint("A erp"),
			Expect: ofA(Allow(Eq("updateIntegrationEndpoint.description", "changed")), false),
		},
		{
			Name:   "updateIntegrationEndpoint/A1 search",
			Op:     updateOp,
			Vars:   endpoint("A1 search"),
			Expect: ofA(Allow(Eq("updateIntegrationEndpoint.description", "changed")), true),
		},
		{
			Name:   "updateIntegrationEndpoint/B crm",
			Op:     updateOp,
			Vars:   endpoint("B crm"),
			Expect: ofB(Allow(Eq("updateIntegrationEndpoint.description", "changed"))),
		},
		{
			Name:   "deleteIntegrationEndpoint/A1 search",
			Op:     deleteOp,
			Vars:   endpoint("A1 search"),
			Expect: ofA(Allow(endpointGone("A1 search")), true),
		},
		{
			Name:   "deleteIntegrationEndpoint/B crm",
			Op:     deleteOp,
			Vars:   endpoint("B crm"),
			Expect: ofB(Allow(endpointGone("B crm"))),
		},
		{
			Name: "rotateIntegrationEndpointSecret/A erp",
			Op:   rotateOp,
			Vars: endpoint("A erp"),
			Expect: ofA(Allow(NotNull("rotateIntegrationEndpointSecret.secret"),
				Eq("rotateIntegrationEndpointSecret.endpoint.hasPreviousSecret", true)), false),
		},
		{
			Name: "rotateIntegrationEndpointSecret/B crm",
			Op:   rotateOp,
			Vars: endpoint("B crm"),
			Expect: ofB(Allow(NotNull("rotateIntegrationEndpointSecret.secret"),
				Eq("rotateIntegrationEndpointSecret.endpoint.hasPreviousSecret", true))),
		},
	}
}

// integrationQueryCases: the endpoints filtered by store, as a store manager's screen
// asks for them.
func integrationQueryCases() []Case {
	forbidden, unauthenticated := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED")
	return []Case{
		{
			Name: "integrationEndpoints/store A1 filter",
			Op: `query($s: ID!) { integrationEndpoints(first: 10, where: {storeID: $s}) {
				totalCount edges { node { description hasPreviousSecret } } } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"s": gid(f.StoreA1.ID)} },
			Expect: Cells{
				SA: Filtered(Set("integrationEndpoints", "description", "A1 search")),
				TA: Filtered(Set("integrationEndpoints", "description", "A1 search")),
				SM: Filtered(Set("integrationEndpoints", "description", "A1 search")),
				CU: forbidden, PK: unauthenticated,
				SK: Filtered(Set("integrationEndpoints", "description")),
				AN: unauthenticated,
				// V1's endpoint hears V1 in every store: it is not limited to A1.
				VA1: Filtered(Set("integrationEndpoints", "description")),
				VA2: Filtered(Set("integrationEndpoints", "description")),
			},
		},
	}
}
