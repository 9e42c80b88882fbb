package tenancy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
)

const (
	grantQ  = `mutation($u: ID!, $r: MembershipRole!, $t: ID, $s: ID) { grantRole(userId: $u, role: $r, tenantId: $t, storeId: $s) { id role userID tenantID storeID } }`
	revokeQ = `mutation($id: ID!) { revokeRole(membershipId: $id) }`
	loginQ  = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id email } } }`
)

func login(t *testing.T, api *testenv.API, email, password string) testenv.Headers {
	t.Helper()
	var out struct{ Login struct{ AccessToken string } }
	api.MustDo(t, nil, loginQ, map[string]any{"e": email, "p": password}).Decode(t, &out)
	require.NotEmpty(t, out.Login.AccessToken)
	return testenv.Headers{"Authorization": "Bearer " + out.Login.AccessToken}
}

func TestGrantAndRevokeRoles(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		adminA := f.As(testenv.TenantAdminA)
		grant := func(h testenv.Headers, userID int, role string, tenantID, storeID *int) *testenv.Response {
			vars := map[string]any{"u": id(userID), "r": role}
			if tenantID != nil {
				vars["t"] = id(*tenantID)
			}
			if storeID != nil {
				vars["s"] = id(*storeID)
			}
			return api.Do(t, h, grantQ, vars)
		}
		tA, tB, a1, b1 := &f.TenantA.ID, &f.TenantB.ID, &f.StoreA1.ID, &f.StoreB1.ID

		// A's admin cannot create accounts any more; it invites the clerk to manage A2,
		// the clerk accepts (creating the account), and A's admin then grants A1 to a user
		// who now belongs to A.
		requireError(t, api.Do(t, adminA, `mutation { createUser(input: {email: "Clerk@Acme.test", password: "clerk-password"}) { id } }`, nil), "FORBIDDEN", "")
		clerk := acceptNewAccount(t, api, invite(t, api, adminA, "Clerk@Acme.test", "store_manager", nil, &f.StoreA2.ID), "clerk-password")
		r := grant(adminA, clerk, "store_manager", nil, a1)
		require.Empty(t, r.Errors, "%+v", r.Errors)
		var g struct {
			GrantRole struct {
				ID, Role, UserID string
				TenantID         *string
				StoreID          *string
			}
		}
		r.Decode(t, &g)
		assert.Equal(t, "store_manager", g.GrantRole.Role)
		require.NotNil(t, g.GrantRole.TenantID)
		assert.Equal(t, id(f.TenantA.ID), *g.GrantRole.TenantID, "the tenant is taken from the store")
		require.NotNil(t, g.GrantRole.StoreID)
		assert.Equal(t, id(f.StoreA1.ID), *g.GrantRole.StoreID)

		// The roles work: the clerk manages A1 and A2, and nothing of B.
		clerkH := login(t, api, "clerk@acme.test", "clerk-password")
		api.MustDo(t, clerkH, updateStoreQ, map[string]any{"id": id(f.StoreA1.ID), "in": map[string]any{"name": "A One, by the clerk"}})
		api.MustDo(t, clerkH, updateStoreQ, map[string]any{"id": id(f.StoreA2.ID), "in": map[string]any{"name": "A Two, by the clerk"}})
		requireError(t, api.Do(t, clerkH, updateStoreQ, map[string]any{"id": id(f.StoreB1.ID), "in": map[string]any{"name": "no"}}), "NOT_FOUND", "")

		// Refused: the platform role, another tenant's store or tenant, a mismatched pair.
		requireError(t, grant(adminA, clerk, "super_admin", nil, nil), "FORBIDDEN", "")
		requireError(t, grant(adminA, clerk, "super_admin", tA, nil), "BAD_USER_INPUT", "tenantId")
		requireError(t, grant(adminA, clerk, "store_manager", nil, b1), "NOT_FOUND", "")
		requireError(t, grant(adminA, clerk, "store_manager", tA, b1), "NOT_FOUND", "")
		requireError(t, grant(adminA, clerk, "tenant_admin", tB, nil), "NOT_FOUND", "")
		requireError(t, grant(adminA, clerk, "customer", tB, nil), "NOT_FOUND", "")
		requireError(t, grant(adminA, clerk, "store_manager", nil, nil), "BAD_USER_INPUT", "storeId")
		requireError(t, grant(adminA, clerk, "tenant_admin", tA, a1), "BAD_USER_INPUT", "tenantId")
		// Even the platform cannot pair a store with a tenant it is not in.
		requireError(t, grant(f.As(testenv.SuperAdmin), clerk, "store_manager", tA, b1), "BAD_USER_INPUT", "tenantId")
		// A store manager grants nothing, not even on its own store; nor does a customer.
		// The clerk already holds a role they cannot see, so for them it does not exist;
		// a fresh account (no role anywhere) is found, and the grant itself is refused.
		requireError(t, grant(f.As(testenv.ManagerA1), clerk, "store_manager", nil, a1), "NOT_FOUND", "")
		requireError(t, grant(f.As(testenv.CustomerA), clerk, "customer", tA, nil), "NOT_FOUND", "")
		// An account that belongs to no tenant (made by the platform) is not claimable by
		// a tenant at all: not found, whoever asks, short of the platform.
		fresh, err := api.App.Tenancy.CreateUser(sys(), tenancy.CreateUserInput{Email: "fresh@acme.test", Password: "fresh-password"})
		require.NoError(t, err)
		requireError(t, grant(adminA, fresh.ID, "store_manager", nil, a1), "NOT_FOUND", "")
		requireError(t, grant(adminA, fresh.ID, "tenant_admin", tA, nil), "NOT_FOUND", "")
		requireError(t, grant(f.As(testenv.ManagerA1), fresh.ID, "store_manager", nil, a1), "NOT_FOUND", "")
		requireError(t, grant(f.As(testenv.CustomerA), fresh.ID, "customer", tA, nil), "NOT_FOUND", "")
		// Nor is B's admin, nor B's customer account, for A; B's admin is B's to promote.
		requireError(t, grant(adminA, f.Users[testenv.TenantAdminB].ID, "store_manager", nil, a1), "NOT_FOUND", "")
		require.Empty(t, grant(f.As(testenv.SuperAdmin), fresh.ID, "customer", tA, nil).Errors, "the platform may")
		// And the clerk gained nothing from the refused calls.
		ms, err := db.Client.Membership.Query().Where(membership.UserID(clerk)).All(sys())
		require.NoError(t, err)
		require.Len(t, ms, 2)

		// Revoking: not by another tenant's admin or by the holder's manager peer; by A's admin, yes.
		mID := atoi(t, g.GrantRole.ID)
		requireError(t, api.Do(t, f.As(testenv.TenantAdminB), revokeQ, map[string]any{"id": id(mID)}), "NOT_FOUND", "")
		requireError(t, api.Do(t, f.As(testenv.ManagerA1), revokeQ, map[string]any{"id": id(f.MembershipManagerA1.ID)}), "FORBIDDEN", "")
		superM, err := db.Client.Membership.Query().Where(membership.UserID(f.Users[testenv.SuperAdmin].ID)).Only(sys())
		require.NoError(t, err)
		requireError(t, api.Do(t, adminA, revokeQ, map[string]any{"id": id(superM.ID)}), "NOT_FOUND", "")

		r = api.MustDo(t, adminA, revokeQ, map[string]any{"id": id(mID)})
		assert.JSONEq(t, `{"revokeRole":"`+id(mID)+`"}`, string(r.Data))
		// The clerk's very next request no longer carries the role.
		// (A manager sees only the stores they manage: A1 is now out of sight.)
		requireError(t, api.Do(t, clerkH, updateStoreQ, map[string]any{"id": id(f.StoreA1.ID), "in": map[string]any{"name": "no"}}), "NOT_FOUND", "")
		n, err := db.Client.Membership.Query().Where(membership.UserID(clerk)).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n, "the invited role on A2 remains")
	})
}
