package storefront_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/subdomainclaim"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/testenv"
)

// Subdomains are looked up by their claims, the platform's table of labels tenants and
// stores share: a store's label finds the store and not a tenant, a tenant's the tenant
// and not a store, and a label nobody claims (whatever a row of stores says) nothing.
func TestDirectoryReadsSubdomainClaims(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		d := storefront.Directory{Client: db.Client}
		ctx := sys()

		id, ok, err := d.StoreBySubdomain(ctx, "a1")
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Equal(t, f.StoreA1.ID, id)
		_, ok, err = d.TenantBySubdomain(ctx, "a1")
		require.NoError(t, err)
		assert.False(t, ok, "a store's label is no tenant's")

		id, ok, err = d.TenantBySubdomain(ctx, "acme")
		require.NoError(t, err)
		assert.True(t, ok)
		assert.Equal(t, f.TenantA.ID, id)
		_, ok, err = d.StoreBySubdomain(ctx, "acme")
		require.NoError(t, err)
		assert.False(t, ok, "a tenant's label is no store's")

		// The store's row still says a2, but nobody claims the label.
		_, err = db.Client.SubdomainClaim.Delete().Where(subdomainclaim.StoreID(f.StoreA2.ID)).Exec(ctx)
		require.NoError(t, err)
		_, ok, err = d.StoreBySubdomain(ctx, "a2")
		require.NoError(t, err)
		assert.False(t, ok)
	})
}
