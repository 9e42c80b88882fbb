package identity_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func bearer(f *testenv.Fixture, principal string) string {
	return strings.TrimPrefix(f.As(principal)["Authorization"], "Bearer ")
}

func TestUserViewerGrants(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		a, b, a1 := f.TenantA.ID, f.TenantB.ID, f.StoreA1.ID

		grants := func(principal string) []viewer.Grant {
			t.Helper()
			v, err := svc.UserViewer(sysCtx(), bearer(f, principal))
			require.NoError(t, err)
			assert.Equal(t, viewer.User, v.Kind)
			assert.Equal(t, f.Users[principal].ID, v.UserID)
			assert.Zero(t, v.APIKeyID)
			return v.Grants
		}
		want := map[string][]viewer.Grant{
			testenv.SuperAdmin:   {{Role: viewer.RoleSuperAdmin}},
			testenv.TenantAdminA: {{Role: viewer.RoleTenantAdmin, TenantID: a}},
			testenv.ManagerA1:    {{Role: viewer.RoleStoreManager, TenantID: a, StoreID: a1}},
			testenv.CustomerA:    {{Role: viewer.RoleCustomer, TenantID: a}},
			testenv.TenantAdminB: {{Role: viewer.RoleTenantAdmin, TenantID: b}},
		}
		for p, g := range want {
			assert.Equal(t, g, grants(p), p)
		}

		// A suspended tenant's people may still read: every grant in it turns read-only,
		// and nothing outside it changes.
		f.SetTenantStatus(t, a, tenant.StatusSuspended)
		for _, p := range []string{testenv.TenantAdminA, testenv.ManagerA1, testenv.CustomerA} {
			for i := range want[p] {
				want[p][i].ReadOnly = true
			}
		}
		for p, g := range want {
			assert.Equal(t, g, grants(p), p)
		}

		// Several memberships give several grants.
		_, err := f.API.App.Tenancy.GrantRole(sysCtx(), f.Users[testenv.TenantAdminB].ID, membership.RoleStoreManager, nil, &a1)
		require.NoError(t, err)
		assert.ElementsMatch(t, []viewer.Grant{
			{Role: viewer.RoleTenantAdmin, TenantID: b},
			{Role: viewer.RoleStoreManager, TenantID: a, StoreID: a1, ReadOnly: true},
		}, grants(testenv.TenantAdminB))
	})
}

func TestUserViewerRefusesBadTokensAndDisabledUsers(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)

		foreign, _, err := mustIssuer(t, strings.Repeat("f", 40)).IssueAccess(f.Users[testenv.CustomerA].ID)
		require.NoError(t, err)
		ghost, _, err := issuer(t).IssueAccess(999999) // signed by us, for no such user
		require.NoError(t, err)
		for name, tok := range map[string]string{"empty": "", "garbage": "a.b.c", "foreign secret": foreign, "no such user": ghost} {
			t.Run(name, func(t *testing.T) {
				v, err := svc.UserViewer(sysCtx(), tok)
				assert.Nil(t, v)
				requireUnauthenticated(t, err)
			})
		}

		tok := bearer(f, testenv.CustomerA)
		_, err = svc.UserViewer(sysCtx(), tok)
		require.NoError(t, err)
		_, err = db.Client.User.UpdateOneID(f.Users[testenv.CustomerA].ID).SetStatus(user.StatusDisabled).Save(sysCtx())
		require.NoError(t, err)
		_, err = svc.UserViewer(sysCtx(), tok)
		requireUnauthenticated(t, err)
	})
}

func TestKeyViewer(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		pk, sk := f.Keys[testenv.PublishableA], f.Keys[testenv.SecretB]

		v, err := svc.KeyViewer(sysCtx(), pk, apikey.KindPublishable)
		require.NoError(t, err)
		assert.Equal(t, &viewer.Viewer{Kind: viewer.PublishableKey, APIKeyID: f.KeyA1.ID, TenantID: f.TenantA.ID, StoreID: f.StoreA1.ID}, v)

		v, err = svc.KeyViewer(sysCtx(), sk, apikey.KindSecret)
		require.NoError(t, err)
		assert.Equal(t, &viewer.Viewer{Kind: viewer.SecretKey, APIKeyID: f.KeyB.ID, TenantID: f.TenantB.ID,
			Grants: []viewer.Grant{{Role: viewer.RoleTenantAdmin, TenantID: f.TenantB.ID}}}, v)

		// Each kind only in its own header: a publishable key never acts as staff, and a
		// secret key is not to be shipped to browsers as a publishable one.
		_, err = svc.KeyViewer(sysCtx(), pk, apikey.KindSecret)
		assert.Equal(t, "invalid API key", requireUnauthenticated(t, err))
		_, err = svc.KeyViewer(sysCtx(), sk, apikey.KindPublishable)
		assert.Equal(t, "invalid API key", requireUnauthenticated(t, err))

		for name, tok := range map[string]string{"empty": "", "unknown": "sk_unknown", "too long": sk + strings.Repeat("x", 300)} {
			t.Run(name, func(t *testing.T) {
				_, err := svc.KeyViewer(sysCtx(), tok, apikey.KindSecret)
				assert.Equal(t, "invalid API key", requireUnauthenticated(t, err))
			})
		}

		// A suspended tenant's secret key keeps read access only.
		f.SetTenantStatus(t, f.TenantB.ID, tenant.StatusSuspended)
		v, err = svc.KeyViewer(sysCtx(), sk, apikey.KindSecret)
		require.NoError(t, err)
		assert.Equal(t, []viewer.Grant{{Role: viewer.RoleTenantAdmin, TenantID: f.TenantB.ID, ReadOnly: true}}, v.Grants)

		_, err = f.API.App.Tenancy.RevokeAPIKey(sysCtx(), f.KeyB.ID)
		require.NoError(t, err)
		_, err = svc.KeyViewer(sysCtx(), sk, apikey.KindSecret)
		assert.Equal(t, "invalid API key", requireUnauthenticated(t, err))
	})
}

func TestKeyViewerStoreManagerKey(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		k, err := f.API.App.Tenancy.CreateAPIKey(sysCtx(), tenancy.CreateAPIKeyInput{TenantID: f.TenantA.ID, StoreID: &f.StoreA2.ID,
			Kind: apikey.KindSecret, Name: "A2 backend", Roles: []membership.Role{membership.RoleStoreManager}})
		require.NoError(t, err)

		v, err := svc.KeyViewer(sysCtx(), k.Token, apikey.KindSecret)
		require.NoError(t, err)
		assert.Equal(t, []viewer.Grant{{Role: viewer.RoleStoreManager, TenantID: f.TenantA.ID, StoreID: f.StoreA2.ID}}, v.Grants)
		assert.Equal(t, []int{f.StoreA2.ID}, v.ManagedStores())
	})
}

func TestKeyViewerRecordsLastUse(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, clk := service(t, db)
		lastUsed := func() *time.Time {
			t.Helper()
			k, err := db.Client.APIKey.Get(sysCtx(), f.KeyA1.ID)
			require.NoError(t, err)
			return k.LastUsedAt
		}
		require.Nil(t, lastUsed())

		use := func() {
			t.Helper()
			_, err := svc.KeyViewer(sysCtx(), f.Keys[testenv.PublishableA], apikey.KindPublishable)
			require.NoError(t, err)
		}
		first := clk.now()
		use()
		require.NotNil(t, lastUsed())
		assert.True(t, first.Equal(*lastUsed()), "got %v, want %v", *lastUsed(), first)

		// Within a minute the key is not written again...
		clk.advance(30 * time.Second)
		use()
		assert.True(t, first.Equal(*lastUsed()), "got %v, want %v", *lastUsed(), first)

		// ...after it, it is.
		clk.advance(time.Minute)
		use()
		assert.True(t, clk.now().Equal(*lastUsed()), "got %v, want %v", *lastUsed(), clk.now())

		// A refused use leaves no trace.
		before := *lastUsed()
		clk.advance(time.Hour)
		_, err := svc.KeyViewer(sysCtx(), f.Keys[testenv.PublishableA], apikey.KindSecret)
		requireUnauthenticated(t, err)
		assert.True(t, before.Equal(*lastUsed()))
	})
}

// When the database fails, credentials are not judged: the caller gets the error, which
// the server answers as INTERNAL, never as "your token is bad".
func TestDatabaseFailureIsNotBadCredentials(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		require.NoError(t, db.SQL.Close())

		_, err := svc.UserViewer(sysCtx(), bearer(f, testenv.TenantAdminA))
		require.Error(t, err)
		assert.Equal(t, apperr.Internal, apperr.CodeOf(err), "%v", err)
		_, err = svc.KeyViewer(sysCtx(), f.Keys[testenv.SecretB], apikey.KindSecret)
		require.Error(t, err)
		assert.Equal(t, apperr.Internal, apperr.CodeOf(err), "%v", err)
		_, err = svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.Error(t, err)
		assert.Equal(t, apperr.Internal, apperr.CodeOf(err), "%v", err)

		// A token that fails on its own still says so, without asking the database.
		_, err = svc.UserViewer(sysCtx(), "garbage")
		requireUnauthenticated(t, err)
	})
}
