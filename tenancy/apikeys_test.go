package tenancy_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/testenv"
)

const createKeyQ = `mutation($in: CreateApiKeyInput!) { createApiKey(input: $in) { token apiKey { id tenantID storeID kind name roles tokenPrefix revokedAt } } }`

type createdKey struct {
	CreateApiKey struct {
		Token  string
		APIKey struct {
			ID, TenantID, Kind, Name, TokenPrefix string
			StoreID                               *string
			Roles                                 []string
			RevokedAt                             *string
		} `json:"apiKey"`
	}
}

func TestCreateAPIKeyRules(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		adminA := f.As(testenv.TenantAdminA)
		key := func(h testenv.Headers, in map[string]any) *testenv.Response {
			return api.Do(t, h, createKeyQ, map[string]any{"in": in})
		}
		tA, a1, b1 := id(f.TenantA.ID), id(f.StoreA1.ID), id(f.StoreB1.ID)
		before, err := db.Client.APIKey.Query().Count(sys())
		require.NoError(t, err)

		// A publishable key needs the store it opens, and carries no roles.
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "kind": "publishable", "name": "web"}), "BAD_USER_INPUT", "storeId")
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "storeId": a1, "kind": "publishable", "name": "web", "roles": []string{"tenant_admin"}}), "BAD_USER_INPUT", "roles")
		// A secret key needs roles: tenant_admin, or store_manager with a store; never more.
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "kind": "secret", "name": "backend"}), "BAD_USER_INPUT", "roles")
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "kind": "secret", "name": "backend", "roles": []string{}}), "BAD_USER_INPUT", "roles")
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "kind": "secret", "name": "backend", "roles": []string{"store_manager"}}), "BAD_USER_INPUT", "roles")
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "kind": "secret", "name": "backend", "roles": []string{"super_admin"}}), "BAD_USER_INPUT", "roles")
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "kind": "secret", "name": "backend", "roles": []string{"customer"}}), "BAD_USER_INPUT", "roles")
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "storeId": a1, "kind": "publishable", "name": "  "}), "BAD_USER_INPUT", "name")
		// A store of another tenant is refused: hidden from A's admin, and refused even to
		// the platform, which sees every store.
		requireError(t, key(adminA, map[string]any{"tenantId": tA, "storeId": b1, "kind": "publishable", "name": "web"}), "NOT_FOUND", "")
		requireError(t, key(f.As(testenv.SuperAdmin), map[string]any{"tenantId": tA, "storeId": b1, "kind": "publishable", "name": "web"}), "BAD_USER_INPUT", "storeId")
		requireError(t, key(f.As(testenv.SuperAdmin), map[string]any{"tenantId": tA, "storeId": b1, "kind": "secret", "name": "x", "roles": []string{"store_manager"}}), "BAD_USER_INPUT", "storeId")
		// Another tenant's keys are not A's to make, nor a manager's or a customer's.
		requireError(t, key(adminA, map[string]any{"tenantId": id(f.TenantB.ID), "kind": "secret", "name": "x", "roles": []string{"tenant_admin"}}), "NOT_FOUND", "")
		requireError(t, key(f.As(testenv.ManagerA1), map[string]any{"tenantId": tA, "storeId": a1, "kind": "publishable", "name": "web"}), "FORBIDDEN", "")
		requireError(t, key(f.As(testenv.CustomerA), map[string]any{"tenantId": tA, "storeId": a1, "kind": "publishable", "name": "web"}), "FORBIDDEN", "")
		after, err := db.Client.APIKey.Query().Count(sys())
		require.NoError(t, err)
		assert.Equal(t, before, after, "no refused call made a key")
	})
}

func TestAPIKeyTokenIsShownOnceAndWorks(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		adminA := f.As(testenv.TenantAdminA)

		// A secret key with tenant_admin acts as A's admin.
		var sk createdKey
		api.MustDo(t, adminA, createKeyQ, map[string]any{"in": map[string]any{"tenantId": id(f.TenantA.ID), "kind": "secret", "name": "Backend", "roles": []string{"tenant_admin"}}}).Decode(t, &sk)
		k := sk.CreateApiKey
		require.True(t, strings.HasPrefix(k.Token, "sk_"), k.Token)
		assert.Equal(t, "secret", k.APIKey.Kind)
		assert.Equal(t, []string{"tenant_admin"}, k.APIKey.Roles)
		assert.Nil(t, k.APIKey.StoreID)
		assert.True(t, strings.HasPrefix(k.Token, k.APIKey.TokenPrefix) && len(k.APIKey.TokenPrefix) < len(k.Token))

		// Only a hash is kept, and no field of the API gives the token back.
		row, err := db.Client.APIKey.Get(sys(), atoi(t, k.APIKey.ID))
		require.NoError(t, err)
		assert.NotEqual(t, k.Token, row.TokenHash)
		assert.NotContains(t, row.TokenHash, k.Token)
		r := api.Do(t, adminA, `{ apiKeys { edges { node { token } } } }`, nil)
		requireError(t, r, "BAD_USER_INPUT", "")
		r = api.MustDo(t, adminA, `{ apiKeys(first: 100) { edges { node { id tokenPrefix name } } } }`, nil)
		assert.NotContains(t, string(r.Data), k.Token)
		assert.Contains(t, string(r.Data), k.APIKey.TokenPrefix)

		secret := testenv.Headers{"X-Api-Key": k.Token}
		r = api.MustDo(t, secret, `query($id: ID!) { tenant(id: $id) { handle billingEmail } }`, map[string]any{"id": id(f.TenantA.ID)})
		assert.JSONEq(t, `{"tenant":{"handle":"acme","billingEmail":"billing@acme.test"}}`, string(r.Data))
		r = api.MustDo(t, secret, updateStoreQ, map[string]any{"id": id(f.StoreA2.ID), "in": map[string]any{"name": "Renamed by key"}})
		assert.Contains(t, string(r.Data), id(f.StoreA2.ID))
		// It is A's admin only: B is out of reach.
		r = api.MustDo(t, secret, `query($id: ID!) { store(id: $id) { id } }`, map[string]any{"id": id(f.StoreB1.ID)})
		assert.JSONEq(t, `{"store":null}`, string(r.Data))
		// A secret key is not a publishable key (nor the other way round).
		assert.Equal(t, http.StatusUnauthorized, api.Do(t, testenv.Headers{"X-Publishable-Key": k.Token}, `{ me { id } }`, nil).Status)

		// A publishable key opens its store's storefront, and only that.
		var pk createdKey
		api.MustDo(t, adminA, createKeyQ, map[string]any{"in": map[string]any{"tenantId": id(f.TenantA.ID), "storeId": id(f.StoreA2.ID), "kind": "publishable", "name": "A2 web"}}).Decode(t, &pk)
		require.True(t, strings.HasPrefix(pk.CreateApiKey.Token, "pk_"))
		require.NotNil(t, pk.CreateApiKey.APIKey.StoreID)
		assert.Equal(t, id(f.StoreA2.ID), *pk.CreateApiKey.APIKey.StoreID)
		pub := testenv.Headers{"X-Publishable-Key": pk.CreateApiKey.Token}
		r = api.MustDo(t, pub, `{ stores { edges { node { handle } } } }`, nil)
		assert.JSONEq(t, `{"stores":{"edges":[{"node":{"handle":"a2"}}]}}`, string(r.Data))
		assert.Equal(t, http.StatusUnauthorized, api.Do(t, testenv.Headers{"X-Api-Key": pk.CreateApiKey.Token}, `{ me { id } }`, nil).Status)
		requireError(t, api.Do(t, pub, updateStoreQ, map[string]any{"id": id(f.StoreA2.ID), "in": map[string]any{"name": "nope"}}), "UNAUTHENTICATED", "")
	})
}

func TestRevokeAPIKey(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		revoke := func(h testenv.Headers, keyID int) *testenv.Response {
			return api.Do(t, h, `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, map[string]any{"id": id(keyID)})
		}
		pub := f.As(testenv.PublishableA)
		secretB := f.As(testenv.SecretB)
		api.MustDo(t, pub, `{ stores { totalCount } }`, nil)
		api.MustDo(t, secretB, `{ stores { totalCount } }`, nil)

		// Only the key's tenant's admins revoke it.
		requireError(t, revoke(f.As(testenv.TenantAdminB), f.KeyA1.ID), "NOT_FOUND", "")
		requireError(t, revoke(f.As(testenv.ManagerA1), f.KeyA1.ID), "FORBIDDEN", "") // managers see no keys at all
		requireError(t, revoke(secretB, f.KeyA1.ID), "NOT_FOUND", "")
		api.MustDo(t, pub, `{ stores { totalCount } }`, nil)

		r := revoke(f.As(testenv.TenantAdminA), f.KeyA1.ID)
		require.Empty(t, r.Errors, "%+v", r.Errors)
		var out struct{ RevokeApiKey struct{ RevokedAt *string } }
		r.Decode(t, &out)
		require.NotNil(t, out.RevokeApiKey.RevokedAt)
		first := *out.RevokeApiKey.RevokedAt

		r = api.Do(t, pub, `{ stores { totalCount } }`, nil)
		assert.Equal(t, http.StatusUnauthorized, r.Status)
		assert.Equal(t, "UNAUTHENTICATED", r.Code())

		// Revoking twice keeps the first time.
		r = revoke(f.As(testenv.TenantAdminA), f.KeyA1.ID)
		require.Empty(t, r.Errors)
		r.Decode(t, &out)
		assert.Equal(t, first, *out.RevokeApiKey.RevokedAt)

		// A secret key can revoke itself (it is its tenant's admin), and then stops working.
		r = revoke(secretB, f.KeyB.ID)
		require.Empty(t, r.Errors, "%+v", r.Errors)
		r = api.Do(t, secretB, `{ stores { totalCount } }`, nil)
		assert.Equal(t, http.StatusUnauthorized, r.Status)
		assert.Equal(t, "UNAUTHENTICATED", r.Code())

		k, err := db.Client.APIKey.Get(sys(), f.KeyB.ID)
		require.NoError(t, err)
		assert.NotNil(t, k.RevokedAt)
		n, err := db.Client.APIKey.Query().Where(apikey.RevokedAtIsNil()).Count(sys())
		require.NoError(t, err)
		assert.Zero(t, n)
	})
}
