package integration_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/integration"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
)

func TestSubscribers(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		add := func(tenantID int, storeID *int, desc string, enabled bool, types ...string) *ent.IntegrationEndpoint {
			e, err := db.Client.IntegrationEndpoint.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).SetDescription(desc).
				SetURL("https://hooks.example.com/" + desc).SetEventTypes(types).SetEnabled(enabled).SetSecret("whsec_dGVzdA==").Save(sys())
			require.NoError(t, err)
			return e
		}
		erp := add(f.TenantA.ID, nil, "erp", true, "order.*")
		search := add(f.TenantA.ID, &f.StoreA1.ID, "search", true, "*")
		add(f.TenantA.ID, nil, "off", false, "*")
		add(f.TenantB.ID, nil, "b", true, "*")

		names := func(ev outbox.Event) []string {
			got, err := integration.Subscribers(sys(), db.Client, ev)
			require.NoError(t, err)
			var out []string
			for _, e := range got {
				out = append(out, e.Description)
			}
			return out
		}
		a, a1, a2 := f.TenantA.ID, f.StoreA1.ID, f.StoreA2.ID
		assert.Equal(t, []string{"erp", "search"}, names(outbox.Event{Topic: "order.placed", TenantID: &a, StoreID: &a1}))
		assert.Equal(t, []string{"erp"}, names(outbox.Event{Topic: "order.placed", TenantID: &a, StoreID: &a2}))
		assert.Empty(t, names(outbox.Event{Topic: "tenant.updated", TenantID: &a}))
		assert.Empty(t, names(outbox.Event{Topic: "order.placed"}), "no tenant, no endpoint")
		// The change erp pushed in is not echoed back to it.
		assert.Equal(t, []string{"search"}, names(outbox.Event{Topic: "order.placed", TenantID: &a, StoreID: &a1, OriginEndpointID: &erp.ID}))
		// A snapshot made for search's sync reaches search alone.
		assert.Equal(t, []string{"search"}, names(outbox.Event{Topic: "order.snapshot", TenantID: &a, StoreID: &a1, TargetEndpointID: &search.ID}))
		assert.Empty(t, names(outbox.Event{Topic: "product.snapshot", TenantID: &a, TargetEndpointID: &erp.ID}), "erp hears no products")
	})
}
