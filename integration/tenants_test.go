package integration_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// TestTenantsNeverMeet: tenant B's admin neither sees nor changes tenant A's endpoints,
// and A1's manager reads only A1's, changing none.
func TestTenantsNeverMeet(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		adminA, adminB, manager := f.As(testenv.TenantAdminA), f.As(testenv.TenantAdminB), f.As(testenv.ManagerA1)
		tA := testenv.ID(f.TenantA.ID)
		whole := create(t, f, adminA, map[string]any{"tenantId": tA, "url": "https://erp.example.com/", "description": "A whole", "eventTypes": []string{"*"}}).Endpoint
		a1 := create(t, f, adminA, map[string]any{"tenantId": tA, "storeId": testenv.ID(f.StoreA1.ID), "url": "https://search.example.com/",
			"description": "A1 only", "eventTypes": []string{"product.*"}}).Endpoint
		mine := create(t, f, adminB, map[string]any{"tenantId": testenv.ID(f.TenantB.ID), "url": "https://crm.example.com/", "description": "B", "eventTypes": []string{"*"}}).Endpoint

		list := func(h testenv.Headers) []string {
			var out struct {
				IntegrationEndpoints struct {
					Edges []struct{ Node struct{ Description string } }
				}
			}
			f.API.MustDo(t, h, listQ, nil).Decode(t, &out)
			var descs []string
			for _, e := range out.IntegrationEndpoints.Edges {
				descs = append(descs, e.Node.Description)
			}
			return descs
		}
		assert.ElementsMatch(t, []string{"A whole", "A1 only"}, list(adminA))
		assert.ElementsMatch(t, []string{"B"}, list(adminB))
		assert.ElementsMatch(t, []string{"A1 only"}, list(manager))

		for _, e := range []endpointJSON{whole, a1} {
			testenv.RequireError(t, f.API.Do(t, adminB, updateQ, map[string]any{"id": e.ID, "in": map[string]any{"enabled": false}}), "NOT_FOUND")
			testenv.RequireError(t, f.API.Do(t, adminB, rotateQ, map[string]any{"id": e.ID}), "NOT_FOUND")
			testenv.RequireError(t, f.API.Do(t, adminB, deleteQ, map[string]any{"id": e.ID}), "NOT_FOUND")
		}
		testenv.RequireError(t, f.API.Do(t, adminA, updateQ, map[string]any{"id": mine.ID, "in": map[string]any{"enabled": false}}), "NOT_FOUND")
		testenv.RequireError(t, f.API.Do(t, adminB, createQ, map[string]any{"in": map[string]any{
			"tenantId": tA, "url": "https://evil.example.com/", "eventTypes": []string{"*"}}}), "NOT_FOUND")
		testenv.RequireError(t, f.API.Do(t, manager, updateQ, map[string]any{"id": a1.ID, "in": map[string]any{"url": "https://evil.example.com/"}}), "FORBIDDEN")
		testenv.RequireError(t, f.API.Do(t, manager, rotateQ, map[string]any{"id": a1.ID}), "FORBIDDEN")

		row, err := db.Client.IntegrationEndpoint.Get(sys(), testenv.Atoi(t, a1.ID))
		require.NoError(t, err)
		assert.Equal(t, "https://search.example.com/", row.URL)
		assert.True(t, row.Enabled)
	})
}
