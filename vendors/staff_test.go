package vendors_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/invitation"
	"github.com/dakkah/cityos/testenv"
)

const inviteStaffQ = `mutation($v: ID!, $e: String!, $r: MembershipRole!) { inviteVendorStaff(vendorId: $v, email: $e, role: $r) {
	invitation { email role vendorID } } }`

// V1's admin invites a person to V1, who accepts and then reads V1 — its payout account
// only as an admin — and never V2.
func TestInviteVendorStaff(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		va1, v1, v2 := f.As(testenv.VendorAdminV1), testenv.ID(f.VendorV1.ID), testenv.ID(f.VendorV2.ID)
		testenv.RequireError(t, f.API.Do(t, va1, inviteStaffQ, map[string]any{"v": v1, "e": "x@hire.test", "r": "tenant_admin"}),
			"BAD_USER_INPUT", "role")
		for _, role := range []string{"vendor_staff", "vendor_admin"} {
			t.Run(role, func(t *testing.T) {
				if invitation.RoleValidator(invitation.Role(role)) != nil {
					t.Skipf("the invitation's role enum has no %s (ent/schema/invitation.go)", role)
				}
				email := role + "@hire.test"
				var sent struct {
					InviteVendorStaff struct {
						Invitation struct{ Email, Role, VendorID string }
					}
				}
				f.API.MustDo(t, va1, inviteStaffQ, map[string]any{"v": v1, "e": email, "r": role}).Decode(t, &sent)
				assert.Equal(t, role, sent.InviteVendorStaff.Invitation.Role)
				assert.Equal(t, v1, sent.InviteVendorStaff.Invitation.VendorID)

				var acc struct {
					AcceptInvitation struct {
						Membership struct{ Role string }
						Session    struct{ AccessToken string }
					}
				}
				f.API.MustDo(t, nil, acceptQ, map[string]any{"tok": f.API.Mail.InvitationToken(t, email), "p": "hire-password"}).Decode(t, &acc)
				assert.Equal(t, role, acc.AcceptInvitation.Membership.Role)
				hired := testenv.Headers{"Authorization": "Bearer " + acc.AcceptInvitation.Session.AccessToken}

				got := read(t, f, hired, v1)
				require.NotNil(t, got, "the new member reads its vendor")
				if role == "vendor_admin" {
					assert.Equal(t, "acct_va_one", *got.PayoutAccount)
				} else {
					assert.Nil(t, got.PayoutAccount, "staff do not read the payout account")
				}
				assert.Nil(t, read(t, f, hired, v2), "nor another vendor")
			})
		}
	})
}
