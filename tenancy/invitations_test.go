package tenancy_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/invitation"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/testenv"
)

const (
	inviteQ = `mutation($e: String!, $r: MembershipRole!, $t: ID, $s: ID) { inviteStaff(email: $e, role: $r, tenantId: $t, storeId: $s) { invitation { id email role tenantID storeID acceptedAt } } }`
	acceptQ = `mutation($tok: String!, $p: String, $n: String) { acceptInvitation(token: $tok, password: $p, name: $n) { membership { id role userID tenantID storeID } session { accessToken user { email } } } }`
)

type acceptedOut struct {
	AcceptInvitation struct {
		Membership struct {
			ID, Role, UserID, TenantID string
			StoreID                    *string
		}
		Session *struct {
			AccessToken string
			User        struct{ Email string }
		}
	}
}

func invite(t *testing.T, api *testenv.API, h testenv.Headers, email, role string, tenantID, storeID *int) string {
	t.Helper()
	vars := map[string]any{"e": email, "r": role}
	if tenantID != nil {
		vars["t"] = id(*tenantID)
	}
	if storeID != nil {
		vars["s"] = id(*storeID)
	}
	api.MustDo(t, h, inviteQ, vars)
	// The token reaches the invited address only, by e-mail.
	return api.Mail.InvitationToken(t, strings.ToLower(email))
}

// acceptNewAccount accepts an invitation without signing in, creating the account, and
// returns the new user's id.
func acceptNewAccount(t *testing.T, api *testenv.API, token, password string) int {
	t.Helper()
	var out acceptedOut
	api.MustDo(t, nil, acceptQ, map[string]any{"tok": token, "p": password}).Decode(t, &out)
	require.NotNil(t, out.AcceptInvitation.Session)
	return atoi(t, out.AcceptInvitation.Membership.UserID)
}

// A tenant reaches a person it does not have only through an invitation that person
// accepts; the answers never tell the inviter whether an account exists, and nobody but
// the invited address can use the token.
func TestInvitationFlow(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		adminA, adminB := f.As(testenv.TenantAdminA), f.As(testenv.TenantAdminB)

		// A invites B's admin (an existing account) to manage A2, and a new person to
		// administer A. The answers look alike: nothing says which address has an account.
		var toB, toNew struct {
			InviteStaff struct {
				Invitation struct {
					Email, Role, TenantID string
					StoreID               *string
					AcceptedAt            *string
				}
			}
		}
		api.MustDo(t, adminA, inviteQ, map[string]any{"e": "Admin@Bolt.test", "r": "store_manager", "s": id(f.StoreA2.ID)}).Decode(t, &toB)
		api.MustDo(t, adminA, inviteQ, map[string]any{"e": "new.hire@acme.test", "r": "tenant_admin", "t": id(f.TenantA.ID)}).Decode(t, &toNew)
		assert.Equal(t, "admin@bolt.test", toB.InviteStaff.Invitation.Email)
		assert.Equal(t, id(f.TenantA.ID), toB.InviteStaff.Invitation.TenantID, "the tenant is taken from the store")
		require.NotNil(t, toB.InviteStaff.Invitation.StoreID)
		assert.Nil(t, toB.InviteStaff.Invitation.AcceptedAt)
		assert.Equal(t, "tenant_admin", toNew.InviteStaff.Invitation.Role)
		// The tokens went to the invited addresses, and the answers carry none.
		tokB, tokNew := api.Mail.InvitationToken(t, "admin@bolt.test"), api.Mail.InvitationToken(t, "new.hire@acme.test")

		// Someone else signed in cannot use the token, and is not told for whom it is.
		r := api.Do(t, f.As(testenv.ManagerA1), acceptQ, map[string]any{"tok": tokB})
		requireError(t, r, "FORBIDDEN", "")
		assert.NotContains(t, r.Errors[0].Message, "bolt")
		// Nor can anyone create an account for an address that has one.
		requireError(t, api.Do(t, nil, acceptQ, map[string]any{"tok": tokB, "p": "hijack-password"}), "UNAUTHENTICATED", "")
		// Keys do not accept invitations; a bad token is simply not found.
		requireError(t, api.Do(t, f.As(testenv.SecretB), acceptQ, map[string]any{"tok": tokB}), "FORBIDDEN", "")
		requireError(t, api.Do(t, adminB, acceptQ, map[string]any{"tok": "inv_nope"}), "NOT_FOUND", "")

		// B's admin, signed in, accepts: now manages A2 as well.
		var acc acceptedOut
		api.MustDo(t, adminB, acceptQ, map[string]any{"tok": tokB}).Decode(t, &acc)
		m := acc.AcceptInvitation.Membership
		assert.Equal(t, "store_manager", m.Role)
		assert.Equal(t, id(f.Users[testenv.TenantAdminB].ID), m.UserID)
		assert.Equal(t, id(f.TenantA.ID), m.TenantID)
		assert.Nil(t, acc.AcceptInvitation.Session)
		// Used once only.
		requireError(t, api.Do(t, adminB, acceptQ, map[string]any{"tok": tokB}), "NOT_FOUND", "")

		// The new hire creates the account by accepting, and is signed in.
		r = api.Do(t, nil, acceptQ, map[string]any{"tok": tokNew})
		requireError(t, r, "BAD_USER_INPUT", "password")
		api.MustDo(t, nil, acceptQ, map[string]any{"tok": tokNew, "p": "new-hire-password", "n": "New Hire"}).Decode(t, &acc)
		require.NotNil(t, acc.AcceptInvitation.Session)
		assert.Equal(t, "new.hire@acme.test", acc.AcceptInvitation.Session.User.Email)
		hire := testenv.Headers{"Authorization": "Bearer " + acc.AcceptInvitation.Session.AccessToken}
		api.MustDo(t, hire, updateTenantQ, map[string]any{"id": id(f.TenantA.ID), "in": map[string]any{"name": "Acme, by the new hire"}})
		requireError(t, api.Do(t, hire, updateTenantQ, map[string]any{"id": id(f.TenantB.ID), "in": map[string]any{"name": "no"}}), "NOT_FOUND", "")
	})
}

// Only a tenant's admins invite, only into their tenant; and they see and withdraw only
// their tenant's invitations.
func TestInvitationScope(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		adminA := f.As(testenv.TenantAdminA)
		send := func(h testenv.Headers, role string, tenantID, storeID *int) *testenv.Response {
			vars := map[string]any{"e": "someone@example.test", "r": role}
			if tenantID != nil {
				vars["t"] = id(*tenantID)
			}
			if storeID != nil {
				vars["s"] = id(*storeID)
			}
			return api.Do(t, h, inviteQ, vars)
		}
		requireError(t, send(adminA, "tenant_admin", &f.TenantB.ID, nil), "NOT_FOUND", "")
		requireError(t, send(adminA, "store_manager", nil, &f.StoreB1.ID), "NOT_FOUND", "")
		requireError(t, send(adminA, "store_manager", &f.TenantA.ID, &f.StoreB1.ID), "NOT_FOUND", "")
		requireError(t, send(f.As(testenv.ManagerA1), "store_manager", nil, &f.StoreA1.ID), "FORBIDDEN", "")
		requireError(t, send(f.As(testenv.CustomerA), "tenant_admin", &f.TenantA.ID, nil), "FORBIDDEN", "")
		requireError(t, send(adminA, "super_admin", nil, nil), "BAD_USER_INPUT", "role")
		requireError(t, send(adminA, "customer", &f.TenantA.ID, nil), "BAD_USER_INPUT", "role")
		requireError(t, send(adminA, "store_manager", nil, nil), "BAD_USER_INPUT", "storeId")
		requireError(t, api.Do(t, adminA, inviteQ, map[string]any{"e": "not-an-address", "r": "tenant_admin", "t": id(f.TenantA.ID)}), "BAD_USER_INPUT", "email")

		tok := invite(t, api, adminA, "someone@example.test", "tenant_admin", &f.TenantA.ID, nil)
		inv, err := db.Client.Invitation.Query().Where(invitation.TenantID(f.TenantA.ID)).Only(sys())
		require.NoError(t, err)
		revoke := `mutation($id: ID!) { revokeInvitation(id: $id) }`
		requireError(t, api.Do(t, f.As(testenv.TenantAdminB), revoke, map[string]any{"id": id(inv.ID)}), "NOT_FOUND", "")
		requireError(t, api.Do(t, f.As(testenv.ManagerA1), revoke, map[string]any{"id": id(inv.ID)}), "FORBIDDEN", "")
		api.MustDo(t, adminA, revoke, map[string]any{"id": id(inv.ID)})
		requireError(t, api.Do(t, nil, acceptQ, map[string]any{"tok": tok, "p": "some-password"}), "NOT_FOUND", "")

		// A used invitation is not found either.
		sent, err := api.App.Tenancy.InviteStaff(sys(), "late@example.test", membership.RoleTenantAdmin, &f.TenantA.ID, nil)
		require.NoError(t, err)
		require.NoError(t, db.Client.Invitation.UpdateOneID(sent.Invitation.ID).SetAcceptedAt(sent.Invitation.ExpiresAt).Exec(sys()))
		requireError(t, api.Do(t, nil, acceptQ, map[string]any{"tok": api.Mail.InvitationToken(t, "late@example.test"), "p": "some-password"}), "NOT_FOUND", "")
	})
}
