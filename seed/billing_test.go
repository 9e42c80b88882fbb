package seed_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/tenantinvoice"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/testenv"
)

// The demo defines the three plans and subscribes every demo tenant to the plan of its
// tier, active with its first month paid; a second run subscribes nobody again.
func TestDemoTenantsHaveAPlanSubscription(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		demo(t, db, api)
		demo(t, db, api)
		n, err := db.Client.Plan.Query().Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 3, n)
		tenants, err := db.Client.Tenant.Query().All(sys())
		require.NoError(t, err)
		require.NotEmpty(t, tenants)
		for _, tn := range tenants {
			sub, err := db.Client.TenantSubscription.Query().Where(tenantsubscription.TenantID(tn.ID)).WithPlan().Only(sys())
			require.NoError(t, err, tn.Handle)
			assert.Equal(t, tenantsubscription.StatusActive, sub.Status, tn.Handle)
			assert.Equal(t, string(tn.SubscriptionTier), string(sub.Edges.Plan.Key), tn.Handle)
			open, err := db.Client.TenantInvoice.Query().Where(tenantinvoice.SubscriptionID(sub.ID),
				tenantinvoice.StatusEQ(tenantinvoice.StatusOpen)).Count(sys())
			require.NoError(t, err)
			assert.Zero(t, open, tn.Handle)
		}
	})
}
