package tenancy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/testenv"
)

func TestSuspendedTenantIsReadOnlyUntilReactivated(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		dns := withFakeDNS(api)
		adminA := f.As(testenv.TenantAdminA)

		// Before: a pending domain whose record is published, and
		// a secret admin key of A.
		var dom addedDomain
		api.MustDo(t, adminA, addDomainQ, map[string]any{"s": id(f.StoreA2.ID), "h": "later.example.com"}).Decode(t, &dom)
		dns.set(dom.AddDomain.TxtRecordName, dom.AddDomain.TxtRecordValue)
		var sk createdKey
		api.MustDo(t, adminA, createKeyQ, map[string]any{"in": map[string]any{"tenantId": id(f.TenantA.ID), "kind": "secret", "name": "ops", "roles": []string{"tenant_admin"}}}).Decode(t, &sk)
		keyA := testenv.Headers{"X-Api-Key": sk.CreateApiKey.Token}

		// Only the platform changes a tenant's status.
		requireError(t, api.Do(t, adminA, `mutation($id: ID!) { setTenantStatus(id: $id, status: active) { id } }`, map[string]any{"id": id(f.TenantA.ID)}), "FORBIDDEN", "")
		api.MustDo(t, f.As(testenv.SuperAdmin), `mutation($id: ID!) { setTenantStatus(id: $id, status: suspended) { status } }`, map[string]any{"id": id(f.TenantA.ID)})

		// Reads still work for the tenant's staff.
		r := api.MustDo(t, adminA, `query($t: ID!, $s: ID!) { tenant(id: $t) { status billingEmail } store(id: $s) { handle metadata } stores { totalCount } }`,
			map[string]any{"t": id(f.TenantA.ID), "s": id(f.StoreA1.ID)})
		assert.JSONEq(t, `{"tenant":{"status":"suspended","billingEmail":"billing@acme.test"},"store":{"handle":"a1","metadata":{"secret":"a1-meta"}},"stores":{"totalCount":2}}`, string(r.Data))
		r = api.MustDo(t, f.As(testenv.ManagerA1), `query($s: ID!) { store(id: $s) { handle } }`, map[string]any{"s": id(f.StoreA1.ID)})
		assert.JSONEq(t, `{"store":{"handle":"a1"}}`, string(r.Data))

		type write struct {
			name  string
			h     testenv.Headers
			query string
			vars  map[string]any
		}
		writes := []write{
			{"updateTenant", adminA, updateTenantQ, map[string]any{"id": id(f.TenantA.ID), "in": map[string]any{"name": "Acme 2"}}},
			{"createStore", adminA, createStoreQ, map[string]any{"in": map[string]any{"tenantId": id(f.TenantA.ID), "handle": "a3", "name": "A3"}}},
			{"updateStore", adminA, updateStoreQ, map[string]any{"id": id(f.StoreA1.ID), "in": map[string]any{"name": "A1 2"}}},
			{"updateStore by manager", f.As(testenv.ManagerA1), updateStoreQ, map[string]any{"id": id(f.StoreA1.ID), "in": map[string]any{"name": "A1 3"}}},
			{"updateStore by secret key", keyA, updateStoreQ, map[string]any{"id": id(f.StoreA1.ID), "in": map[string]any{"name": "A1 4"}}},
			{"verifyDomain", adminA, verifyDomainQ, map[string]any{"id": dom.AddDomain.Domain.ID}},
			{"deleteStore", adminA, `mutation($id: ID!) { deleteStore(id: $id) }`, map[string]any{"id": id(f.StoreA2.ID)}},
			{"addDomain", adminA, addDomainQ, map[string]any{"s": id(f.StoreA1.ID), "h": "more.example.com"}},
			{"removeDomain", adminA, `mutation($id: ID!) { removeDomain(id: $id) }`, map[string]any{"id": id(f.DomainA1.ID)}},
			{"createApiKey", adminA, createKeyQ, map[string]any{"in": map[string]any{"tenantId": id(f.TenantA.ID), "storeId": id(f.StoreA1.ID), "kind": "publishable", "name": "x"}}},
			{"revokeApiKey", adminA, `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, map[string]any{"id": id(f.KeyA1.ID)}},
			{"inviteStaff", adminA, inviteQ, map[string]any{"e": "x@acme.test", "r": "tenant_admin", "t": id(f.TenantA.ID)}},
			{"grantRole", adminA, grantQ, map[string]any{"u": id(f.Users[testenv.ManagerA1].ID), "r": "customer", "t": id(f.TenantA.ID)}},
			{"revokeRole", adminA, revokeQ, map[string]any{"id": id(f.MembershipManagerA1.ID)}},
		}
		for _, w := range writes {
			t.Run("suspended "+w.name, func(t *testing.T) {
				requireError(t, api.Do(t, w.h, w.query, w.vars), "FORBIDDEN", "")
			})
		}
		// Nothing changed.
		a1, err := db.Client.Store.Get(sys(), f.StoreA1.ID)
		require.NoError(t, err)
		assert.Equal(t, "A One", a1.Name)
		d, err := db.Client.Domain.Get(sys(), atoi(t, dom.AddDomain.Domain.ID))
		require.NoError(t, err)
		assert.Equal(t, "pending", string(d.Status))
		k, err := db.Client.APIKey.Get(sys(), f.KeyA1.ID)
		require.NoError(t, err)
		assert.Nil(t, k.RevokedAt)
		// Tenant B is not affected.
		api.MustDo(t, f.As(testenv.TenantAdminB), updateStoreQ, map[string]any{"id": id(f.StoreB1.ID), "in": map[string]any{"name": "B One, still open"}})

		// Inactive is read-only too.
		f.SetTenantStatus(t, f.TenantA.ID, tenant.StatusInactive)
		requireError(t, api.Do(t, adminA, updateStoreQ, map[string]any{"id": id(f.StoreA1.ID), "in": map[string]any{"name": "A1 5"}}), "FORBIDDEN", "")

		// Reactivated: every write works again, with the same credentials.
		api.MustDo(t, f.As(testenv.SuperAdmin), `mutation($id: ID!) { setTenantStatus(id: $id, status: active) { status } }`, map[string]any{"id": id(f.TenantA.ID)})
		for _, w := range writes {
			r := api.Do(t, w.h, w.query, w.vars)
			assert.Empty(t, r.Errors, "%s after reactivation: %+v", w.name, r.Errors)
		}
		a1, err = db.Client.Store.Get(sys(), f.StoreA1.ID)
		require.NoError(t, err)
		assert.Equal(t, "A1 4", a1.Name)
		n, err := db.Client.Store.Query().Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 3, n, "a3 created, a2 deleted")
		k, err = db.Client.APIKey.Get(sys(), f.KeyA1.ID)
		require.NoError(t, err)
		assert.NotNil(t, k.RevokedAt)
	})
}
