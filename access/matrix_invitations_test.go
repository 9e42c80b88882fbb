package access_test

import (
	"testing"

	"github.com/dakkah/cityos/ent/membership"
)

// invitationCases are the rows of the staff invitation flow: tenant admins invite into
// their tenant; only the person signed in with the invited e-mail accepts.
func invitationCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	const inviteOp = `mutation($e: String!, $r: MembershipRole!, $t: ID, $s: ID) {
		inviteStaff(email: $e, role: $r, tenantId: $t, storeId: $s) { invitation { email role tenantID storeID } } }`
	// invited sends, as the platform, an invitation to manage A2 to the fixture's customer
	// of A (a platform account) and returns the token that reached that address.
	invited := func(t testing.TB, f *fx) map[string]any {
		sent, err := f.API.App.Tenancy.InviteStaff(sysCtx(), "customer@acme.test", membership.RoleStoreManager, nil, &f.StoreA2.ID)
		if err != nil {
			t.Fatalf("invite: %v", err)
		}
		return map[string]any{"tok": f.API.Mail.InvitationToken(t, "customer@acme.test"), "id": gid(sent.Invitation.ID)}
	}
	return []Case{
		{
			Name: "inviteStaff/manager of A2",
			Op:   inviteOp,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"e": "hire@example.test", "r": "store_manager", "s": gid(f.StoreA2.ID)}
			},
			Expect: func() Cells {
				ok := Allow(Eq("inviteStaff.invitation.email", "hire@example.test"), Eq("inviteStaff.invitation.role", "store_manager"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated, V: notFound}
			}(),
		},
		{
			Name: "inviteStaff/admin of B",
			Op:   inviteOp,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"e": "hire@example.test", "r": "tenant_admin", "t": gid(f.TenantB.ID)}
			},
			Expect: func() Cells {
				ok := Allow(Eq("inviteStaff.invitation.role", "tenant_admin"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			// Sent to customer@acme.test: only that signed-in account accepts it; anyone
			// else signed in is refused without learning the address, keys accept nothing,
			// and nobody can create an account for an address that has one.
			Name: "acceptInvitation/to A's customer",
			Op:   `mutation($tok: String!) { acceptInvitation(token: $tok) { membership { role store { handle } } session { accessToken } } }`,
			Vars: invited,
			Expect: Cells{
				SA: forbidden, TA: forbidden, SM: forbidden,
				CU: Allow(Eq("acceptInvitation.membership.role", "store_manager"), Eq("acceptInvitation.membership.store.handle", "a2"), Null("acceptInvitation.session")),
				PK: unauthenticated, SK: forbidden, AN: unauthenticated, V: forbidden, C: forbidden,
			},
		},
		{
			Name: "revokeInvitation/A",
			Op:   `mutation($id: ID!) { revokeInvitation(id: $id) }`,
			Vars: invited,
			Expect: func() Cells {
				ok := Allow(NotNull("revokeInvitation"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
	}
}
