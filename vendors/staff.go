package vendors

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/invitation"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/txn"
)

// InviteStaff invites email to join vendor id as role: vendor_staff, or vendor_admin for
// another admin. The vendor's own admins invite while it is not suspended, and its
// tenant's admins (access.InvitationPolicy); the invited person joins with
// acceptInvitation, as a vendor's first admin does.
func (s *Service) InviteStaff(ctx context.Context, id int, email string, role membership.Role) (tenancy.SentInvitation, error) {
	if role != membership.RoleVendorStaff && role != membership.RoleVendorAdmin {
		return tenancy.SentInvitation{}, apperr.Invalid("role", "a vendor's people are vendor_staff or vendor_admin")
	}
	// A vendor the caller does not see is refused like one it sees and may not invite
	// to: the answer tells no one which vendors exist.
	v, err := s.client.Vendor.Get(ctx, id)
	if ent.IsNotFound(err) {
		return tenancy.SentInvitation{}, apperr.New(apperr.Forbidden, "you may not invite people to that vendor")
	}
	if err != nil {
		return tenancy.SentInvitation{}, err
	}
	var send func(context.Context) error
	inv, err := txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Invitation, error) {
		inv, mail, err := s.tenancy.InviteToVendor(ctx, tx, email, invitation.Role(role), v)
		send = mail
		return inv, err
	})
	if err != nil {
		return tenancy.SentInvitation{}, err
	}
	return tenancy.SentInvitation{Invitation: inv}, send(ctx)
}
