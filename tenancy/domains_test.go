package tenancy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/testenv"
)

const (
	addDomainQ    = `mutation($s: ID!, $h: String!) { addDomain(storeId: $s, hostname: $h) { domain { id hostname status storeID tenantID verifiedAt } txtRecordName txtRecordValue } }`
	verifyDomainQ = `mutation($id: ID!) { verifyDomain(id: $id) { id hostname status verifiedAt } }`
	resolveQ      = `query($host: String!, $path: String, $hint: String) { resolveStore(host: $host, path: $path, hint: $hint) { strategy status store { id handle } } }`
)

type addedDomain struct {
	AddDomain struct {
		Domain struct {
			ID, Hostname, Status, StoreID, TenantID string
			VerifiedAt                              *string
		}
		TxtRecordName, TxtRecordValue string
	}
}

type resolved struct {
	ResolveStore struct {
		Strategy *string
		Status   string
		Store    *struct{ ID, Handle string }
	}
}

func resolveHost(t *testing.T, api *testenv.API, host string) resolved {
	t.Helper()
	var out resolved
	api.MustDo(t, testenv.Headers{}, resolveQ, map[string]any{"host": host}).Decode(t, &out)
	return out
}

func TestAddDomain(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		adminA := f.As(testenv.TenantAdminA)
		add := func(h testenv.Headers, storeID int, host string) *testenv.Response {
			return api.Do(t, h, addDomainQ, map[string]any{"s": id(storeID), "h": host})
		}

		// Lower-cased (and a trailing dot dropped); pending; the TXT challenge names the host.
		r := add(adminA, f.StoreA2.ID, "  Shop.A2-Example.COM. ")
		require.Empty(t, r.Errors, "%+v", r.Errors)
		var out addedDomain
		r.Decode(t, &out)
		d := out.AddDomain
		assert.Equal(t, "shop.a2-example.com", d.Domain.Hostname)
		assert.Equal(t, "pending", d.Domain.Status)
		assert.Nil(t, d.Domain.VerifiedAt)
		assert.Equal(t, id(f.StoreA2.ID), d.Domain.StoreID)
		assert.Equal(t, id(f.TenantA.ID), d.Domain.TenantID)
		assert.Equal(t, "_cityos-verify.shop.a2-example.com", d.TxtRecordName)
		row, err := db.Client.Domain.Get(sys(), atoi(t, d.Domain.ID))
		require.NoError(t, err)
		require.NotEmpty(t, row.VerificationToken)
		assert.Equal(t, "cityos-verify="+row.VerificationToken, d.TxtRecordValue)

		// Once per tenant, whatever the case; a verified hostname for everyone, whoever
		// asks. Another tenant's pending claim is no obstacle (see domain_claims_test.go).
		requireError(t, add(adminA, f.StoreA1.ID, "shop.a2-example.com"), "CONFLICT", "")
		requireError(t, add(f.As(testenv.TenantAdminB), f.StoreB1.ID, "SHOP.ACME-EXAMPLE.COM"), "CONFLICT", "")
		require.Empty(t, add(f.As(testenv.SecretB), f.StoreB1.ID, "shop.a2-example.com.").Errors)

		// Refused under the platform domain, and when not a domain name at all.
		for _, host := range []string{"dakkah.test", "evil.dakkah.test", "A1.DAKKAH.TEST.", "deep.a1.dakkah.test", "localhost", "bad_host.example.com", "-x.example.com"} {
			requireError(t, add(adminA, f.StoreA1.ID, host), "BAD_USER_INPUT", "hostname")
		}
		// A different domain that merely ends in the platform's name is not under it.
		require.Empty(t, add(adminA, f.StoreA1.ID, "notdakkah.test").Errors)

		// Another tenant's store: not visible, so not found; nothing was attached.
		requireError(t, add(adminA, f.StoreB1.ID, "sneaky.example.com"), "NOT_FOUND", "")
		n, err := db.Client.Domain.Query().Where(domain.Hostname("sneaky.example.com")).Count(sys())
		require.NoError(t, err)
		assert.Zero(t, n)

		// A pending domain does not serve its store.
		res := resolveHost(t, api, "shop.a2-example.com")
		assert.Equal(t, "NOT_FOUND", res.ResolveStore.Status)
	})
}

func TestVerifyDomain(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		dns := withFakeDNS(api)
		adminA := f.As(testenv.TenantAdminA)

		var out addedDomain
		api.MustDo(t, adminA, addDomainQ, map[string]any{"s": id(f.StoreA2.ID), "h": "Brand.Example.com"}).Decode(t, &out)
		ch := out.AddDomain
		verify := func(h testenv.Headers) (*testenv.Response, struct {
			VerifyDomain struct {
				Status     string
				VerifiedAt *string
			}
		}) {
			r := api.Do(t, h, verifyDomainQ, map[string]any{"id": ch.Domain.ID})
			var v struct {
				VerifyDomain struct {
					Status     string
					VerifiedAt *string
				}
			}
			if len(r.Errors) == 0 {
				r.Decode(t, &v)
			}
			return r, v
		}

		// No record yet: still pending, and it does not resolve.
		r, v := verify(adminA)
		require.Empty(t, r.Errors, "%+v", r.Errors)
		assert.Equal(t, "pending", v.VerifyDomain.Status)
		assert.Nil(t, v.VerifyDomain.VerifiedAt)
		assert.Contains(t, dns.asked, "_cityos-verify.brand.example.com")
		assert.Equal(t, "NOT_FOUND", resolveHost(t, api, "brand.example.com").ResolveStore.Status)

		// A record with the wrong value, or the value under another name, does not verify.
		dns.set(ch.TxtRecordName, "cityos-verify=not-the-token", "v=spf1 -all")
		dns.set("brand.example.com", ch.TxtRecordValue)
		r, v = verify(adminA)
		require.Empty(t, r.Errors, "%+v", r.Errors)
		assert.Equal(t, "pending", v.VerifyDomain.Status)
		assert.Equal(t, "NOT_FOUND", resolveHost(t, api, "brand.example.com").ResolveStore.Status)

		// Another tenant cannot even see it.
		dns.set(ch.TxtRecordName, "something-else", ch.TxtRecordValue)
		r, _ = verify(f.As(testenv.TenantAdminB))
		requireError(t, r, "NOT_FOUND", "")
		r, _ = verify(f.As(testenv.ManagerA1)) // manages A1, not A2
		requireError(t, r, "NOT_FOUND", "")
		got, err := db.Client.Domain.Get(sys(), atoi(t, ch.Domain.ID))
		require.NoError(t, err)
		assert.Equal(t, domain.StatusPending, got.Status)

		// The published record (among others) verifies it, and the host serves A2 at once.
		r, v = verify(adminA)
		require.Empty(t, r.Errors, "%+v", r.Errors)
		assert.Equal(t, "verified", v.VerifyDomain.Status)
		assert.NotNil(t, v.VerifyDomain.VerifiedAt)
		res := resolveHost(t, api, "BRAND.example.com.")
		assert.Equal(t, "ACTIVE", res.ResolveStore.Status)
		require.NotNil(t, res.ResolveStore.Strategy)
		assert.Equal(t, "CUSTOM_DOMAIN", *res.ResolveStore.Strategy)
		require.NotNil(t, res.ResolveStore.Store)
		assert.Equal(t, "a2", res.ResolveStore.Store.Handle)

		// Verifying again keeps it verified, even once the record is gone.
		dns.set(ch.TxtRecordName)
		r, v = verify(adminA)
		require.Empty(t, r.Errors)
		assert.Equal(t, "verified", v.VerifyDomain.Status)
	})
}

func TestDeleteStoreRemovesItsDomains(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		dns := withFakeDNS(api)
		adminA := f.As(testenv.TenantAdminA)

		var st struct{ CreateStore struct{ ID string } }
		api.MustDo(t, adminA, createStoreQ, map[string]any{"in": map[string]any{"tenantId": id(f.TenantA.ID), "handle": "popup", "name": "Pop-up", "subdomain": "popup"}}).Decode(t, &st)
		var ids []int
		for _, host := range []string{"popup.example.com", "www.popup.example.com"} {
			var out addedDomain
			api.MustDo(t, adminA, addDomainQ, map[string]any{"s": st.CreateStore.ID, "h": host}).Decode(t, &out)
			ids = append(ids, atoi(t, out.AddDomain.Domain.ID))
			dns.set(out.AddDomain.TxtRecordName, out.AddDomain.TxtRecordValue)
		}
		api.MustDo(t, adminA, verifyDomainQ, map[string]any{"id": id(ids[0])})
		assert.Equal(t, "popup", resolveHost(t, api, "popup.example.com").ResolveStore.Store.Handle)

		// Another tenant's admin cannot see it.
		requireError(t, api.Do(t, f.As(testenv.TenantAdminB), `mutation($id: ID!) { deleteStore(id: $id) }`, map[string]any{"id": st.CreateStore.ID}), "NOT_FOUND", "")

		r := api.MustDo(t, adminA, `mutation($id: ID!) { deleteStore(id: $id) }`, map[string]any{"id": st.CreateStore.ID})
		var del struct{ DeleteStore string }
		r.Decode(t, &del)
		assert.Equal(t, st.CreateStore.ID, del.DeleteStore)

		n, err := db.Client.Domain.Query().Where(domain.IDIn(ids...)).Count(sys())
		require.NoError(t, err)
		assert.Zero(t, n, "the store's domains are gone")
		for _, host := range []string{"popup.example.com", "popup.dakkah.test"} {
			assert.Equal(t, "NOT_FOUND", resolveHost(t, api, host).ResolveStore.Status, host)
		}
		// The hostname is free again.
		api.MustDo(t, adminA, addDomainQ, map[string]any{"s": id(f.StoreA2.ID), "h": "popup.example.com"})
		// Other stores' domains are untouched.
		assert.Equal(t, "a1", resolveHost(t, api, "shop.acme-example.com").ResolveStore.Store.Handle)
	})
}

func TestDeleteStoreStillReferencedIsRefused(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		adminA := f.As(testenv.TenantAdminA)
		del := func(h testenv.Headers) *testenv.Response {
			return api.Do(t, h, `mutation($id: ID!) { deleteStore(id: $id) }`, map[string]any{"id": id(f.StoreA1.ID)})
		}

		// A1 has a live publishable key and a manager. Its manager may not delete it at all.
		requireError(t, del(f.As(testenv.ManagerA1)), "FORBIDDEN", "")
		// Its admin hears what to do first; nothing is deleted, the domain included.
		r := del(adminA)
		requireError(t, r, "CONFLICT", "")
		assert.Contains(t, r.Errors[0].Message, "revoke")
		_, err := db.Client.Store.Get(sys(), f.StoreA1.ID)
		require.NoError(t, err)
		_, err = db.Client.Domain.Get(sys(), f.DomainA1.ID)
		require.NoError(t, err)
		assert.Equal(t, "a1", resolveHost(t, api, "shop.acme-example.com").ResolveStore.Store.Handle)
		k, err := db.Client.APIKey.Get(sys(), f.KeyA1.ID)
		require.NoError(t, err)
		require.NotNil(t, k.StoreID)
		assert.Equal(t, f.StoreA1.ID, *k.StoreID)
		m, err := db.Client.Membership.Get(sys(), f.MembershipManagerA1.ID)
		require.NoError(t, err)
		require.NotNil(t, m.StoreID)
		assert.Equal(t, f.StoreA1.ID, *m.StoreID)

		// With the key revoked the manager's role still holds it.
		api.MustDo(t, adminA, `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, map[string]any{"id": id(f.KeyA1.ID)})
		requireError(t, del(adminA), "CONFLICT", "")
		// With the role revoked too, it goes, with its domain.
		api.MustDo(t, adminA, revokeQ, map[string]any{"id": id(f.MembershipManagerA1.ID)})
		api.MustDo(t, adminA, `mutation($id: ID!) { deleteStore(id: $id) }`, map[string]any{"id": id(f.StoreA1.ID)})
		_, err = db.Client.Domain.Get(sys(), f.DomainA1.ID)
		assert.Error(t, err)
		assert.Equal(t, "NOT_FOUND", resolveHost(t, api, "shop.acme-example.com").ResolveStore.Status)
		assert.Equal(t, "NOT_FOUND", resolveHost(t, api, "a1.dakkah.test").ResolveStore.Status)
	})
}
