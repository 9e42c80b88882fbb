package tenancy_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/subdomainclaim"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func TestStoreHandleIsUniquePerTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		create := func(as string, tenantID int, handle string) *testenv.Response {
			return api.Do(t, f.As(as), createStoreQ, map[string]any{"in": map[string]any{"tenantId": id(tenantID), "handle": handle, "name": "Shared " + handle}})
		}

		// The same handle in two tenants is fine: b1 exists in B, A takes it too.
		r := create(testenv.TenantAdminA, f.TenantA.ID, "b1")
		require.Empty(t, r.Errors)
		// And a new handle, first in A, then in B (through B's secret key).
		require.Empty(t, create(testenv.TenantAdminA, f.TenantA.ID, "shared").Errors)
		require.Empty(t, create(testenv.SecretB, f.TenantB.ID, "shared").Errors)

		// Twice in one tenant: CONFLICT, whoever asks.
		requireError(t, create(testenv.TenantAdminA, f.TenantA.ID, "a1"), "CONFLICT", "")
		requireError(t, create(testenv.TenantAdminA, f.TenantA.ID, "shared"), "CONFLICT", "")
		requireError(t, create(testenv.SuperAdmin, f.TenantB.ID, "shared"), "CONFLICT", "")

		for tenantID, want := range map[int]int{f.TenantA.ID: 4, f.TenantB.ID: 2} {
			n, err := db.Client.Store.Query().Where(store.TenantID(tenantID)).Count(sys())
			require.NoError(t, err)
			assert.Equal(t, want, n, "stores of tenant %d", tenantID)
		}
	})
}

func TestTenantAndStoreSubdomainsShareOneNamespace(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		super := f.As(testenv.SuperAdmin)
		adminA := f.As(testenv.TenantAdminA)
		newStore := func(h testenv.Headers, tenantID int, handle, sub string) *testenv.Response {
			return api.Do(t, h, createStoreQ, map[string]any{"in": map[string]any{"tenantId": id(tenantID), "handle": handle, "name": handle, "subdomain": sub}})
		}

		// A store cannot take a tenant's subdomain: its own tenant's, or another's.
		requireError(t, newStore(adminA, f.TenantA.ID, "x1", "acme"), "CONFLICT", "")
		requireError(t, newStore(adminA, f.TenantA.ID, "x2", "bolt"), "CONFLICT", "")
		requireError(t, newStore(adminA, f.TenantA.ID, "x3", "BOLT"), "CONFLICT", "") // case does not dodge it
		// Nor another store's, in any tenant.
		requireError(t, newStore(adminA, f.TenantA.ID, "x4", "b1"), "CONFLICT", "")
		requireError(t, newStore(adminA, f.TenantA.ID, "x5", "a2"), "CONFLICT", "")

		// A tenant cannot take a store's subdomain, nor another tenant's.
		mkTenant := func(handle, sub string) *testenv.Response {
			return api.Do(t, super, createTenantQ, map[string]any{"in": map[string]any{"handle": handle, "name": handle, "subdomain": sub}})
		}
		requireError(t, mkTenant("t1", "a1"), "CONFLICT", "")
		requireError(t, mkTenant("t2", "b1"), "CONFLICT", "")
		requireError(t, mkTenant("t3", "acme"), "CONFLICT", "")

		// Also on update.
		upStore := func(h testenv.Headers, storeID int, sub string) *testenv.Response {
			return api.Do(t, h, updateStoreQ, map[string]any{"id": id(storeID), "in": map[string]any{"subdomain": sub}})
		}
		requireError(t, upStore(adminA, f.StoreA2.ID, "acme"), "CONFLICT", "")
		requireError(t, upStore(adminA, f.StoreA2.ID, "bolt"), "CONFLICT", "")
		requireError(t, upStore(adminA, f.StoreA2.ID, "a1"), "CONFLICT", "")
		requireError(t, upStore(f.As(testenv.ManagerA1), f.StoreA1.ID, "b1"), "CONFLICT", "")
		upTenant := func(h testenv.Headers, tenantID int, sub string) *testenv.Response {
			return api.Do(t, h, updateTenantQ, map[string]any{"id": id(tenantID), "in": map[string]any{"subdomain": sub}})
		}
		requireError(t, upTenant(adminA, f.TenantA.ID, "a1"), "CONFLICT", "")
		requireError(t, upTenant(adminA, f.TenantA.ID, "b1"), "CONFLICT", "")
		requireError(t, upTenant(adminA, f.TenantA.ID, "bolt"), "CONFLICT", "")
		requireError(t, upTenant(f.As(testenv.TenantAdminB), f.TenantB.ID, "acme"), "CONFLICT", "")

		// Keeping one's own subdomain is not a conflict.
		require.Empty(t, upStore(adminA, f.StoreA1.ID, "A1").Errors)
		require.Empty(t, upTenant(adminA, f.TenantA.ID, "acme").Errors)

		// A freed label can be taken by the other kind: A2 lets go of "a2", a tenant takes it.
		r := api.Do(t, adminA, updateStoreQ, map[string]any{"id": id(f.StoreA2.ID), "in": map[string]any{"clearSubdomain": true}})
		require.Empty(t, r.Errors)
		require.Empty(t, mkTenant("t4", "a2").Errors)
		// And a store takes a label no one holds.
		r = newStore(adminA, f.TenantA.ID, "x6", "fresh-label")
		require.Empty(t, r.Errors)
		var out struct{ CreateStore struct{ Subdomain string } }
		r.Decode(t, &out)
		assert.Equal(t, "fresh-label", out.CreateStore.Subdomain)
	})
}

// Tenants and stores racing for one label: the claim table's unique index lets exactly
// one of them have it; every other gets CONFLICT (never INTERNAL), and the label is held
// by the one row that won.
func TestSubdomainRaceHasOneWinner(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc := f.API.App.Tenancy
		ctx := viewer.SystemContext(t.Context(), "namespace-race-test")
		const label = "contested"
		var (
			wg      sync.WaitGroup
			start   = make(chan struct{})
			winners sync.Map // who took the label: setting a store's own label again is no second win
		)
		attempt := func(create func(i int) (string, error)) {
			for i := range 4 {
				wg.Go(func() {
					<-start
					who, err := create(i)
					if err == nil {
						winners.Store(who, true)
						return
					}
					assert.Equal(t, apperr.Conflict, apperr.CodeOf(err), "%v", err)
				})
			}
		}
		sub := label
		attempt(func(i int) (string, error) {
			_, err := svc.CreateTenant(ctx, tenancy.CreateTenantInput{Handle: fmt.Sprintf("racer-%d", i), Name: "Racer", Subdomain: &sub})
			return fmt.Sprintf("new tenant %d", i), err
		})
		attempt(func(i int) (string, error) {
			_, err := svc.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: f.TenantA.ID, Handle: fmt.Sprintf("racer-%d", i), Name: "Racer", Subdomain: &sub})
			return fmt.Sprintf("new store %d", i), err
		})
		attempt(func(i int) (string, error) {
			id := []int{f.StoreA2.ID, f.StoreB1.ID}[i%2]
			_, err := svc.UpdateStore(ctx, id, tenancy.UpdateStoreInput{Subdomain: &sub})
			return fmt.Sprintf("store %d", id), err
		})
		close(start)
		wg.Wait()

		n := 0
		winners.Range(func(any, any) bool { n++; return true })
		assert.Equal(t, 1, n, "one tenant or store takes the label")
		claims, err := db.Client.SubdomainClaim.Query().Where(subdomainclaim.LabelEQ(label)).Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 1, claims)
		tenants, err := db.Client.Tenant.Query().Where(tenant.Subdomain(label)).Count(ctx)
		require.NoError(t, err)
		stores, err := db.Client.Store.Query().Where(store.Subdomain(label)).Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 1, tenants+stores, "exactly one tenant or store holds the label")
	})
}

// Deleting a store lets go of its label.
func TestDeletedStoreReleasesItsSubdomain(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc := f.API.App.Tenancy
		ctx := viewer.SystemContext(t.Context(), "namespace-test")
		sub := "short-lived"
		st, err := svc.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: f.TenantA.ID, Handle: "short", Name: "Short", Subdomain: &sub})
		require.NoError(t, err)
		_, err = svc.CreateTenant(ctx, tenancy.CreateTenantInput{Handle: "later", Name: "Later", Subdomain: &sub})
		require.Equal(t, apperr.Conflict, apperr.CodeOf(err))
		require.NoError(t, svc.DeleteStore(ctx, st.ID))
		_, err = svc.CreateTenant(ctx, tenancy.CreateTenantInput{Handle: "later", Name: "Later", Subdomain: &sub})
		require.NoError(t, err)
	})
}
