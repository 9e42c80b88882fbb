package tenancy

import (
	"context"
	"time"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/invitation"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
	"github.com/dakkah/cityos/viewer"
)

// InvitationTTL is how long an invitation can be accepted.
const InvitationTTL = 7 * 24 * time.Hour

// SentInvitation is an invitation just sent. Its token went to the invited address by
// e-mail and nowhere else: the address's owner proves control by accepting, so the
// inviting admin can never accept in their place (or claim an account for that address).
type SentInvitation struct {
	Invitation *ent.Invitation
}

// InviteStaff offers a staff role to an e-mail address: tenant_admin of a tenant, or
// store_manager of a store. Whether an account with that e-mail exists is neither needed
// nor revealed; the role exists only once the invited person accepts.
func (s *Service) InviteStaff(ctx context.Context, email string, role membership.Role, tenantID, storeID *int) (SentInvitation, error) {
	var token string
	inv, err := txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Invitation, error) {
		c, tok, err := draftInvitation(tx, email)
		if err != nil {
			return nil, err
		}
		token = tok
		switch role {
		case membership.RoleTenantAdmin:
			if tenantID == nil || storeID != nil {
				return nil, apperr.Invalid("tenantId", "tenant_admin needs a tenant and no store")
			}
			if _, err := tx.Tenant.Get(ctx, *tenantID); err != nil {
				return nil, err
			}
			c.SetRole(invitation.RoleTenantAdmin).SetTenantID(*tenantID)
		case membership.RoleStoreManager:
			if storeID == nil {
				return nil, apperr.Invalid("storeId", "store_manager needs a store")
			}
			st, err := tx.Store.Get(ctx, *storeID)
			if err != nil {
				return nil, err
			}
			if tenantID != nil && *tenantID != st.TenantID {
				return nil, apperr.Invalid("tenantId", "the store does not belong to that tenant")
			}
			c.SetRole(invitation.RoleStoreManager).SetTenantID(st.TenantID).SetStoreID(st.ID)
		default:
			return nil, apperr.Invalid("role", "invitations are for staff roles: tenant_admin or store_manager")
		}
		return c.Save(ctx)
	})
	if err != nil {
		return SentInvitation{}, err
	}
	if err := s.mailInvitation(ctx, inv, token); err != nil {
		return SentInvitation{}, err
	}
	return SentInvitation{Invitation: inv}, nil
}

// InviteToVendor offers role (vendor_admin or vendor_staff) of vendor v to email, in tx
// (which may create v). send mails the token: call it once tx has committed, never before.
func (s *Service) InviteToVendor(ctx context.Context, tx *ent.Tx, email string, role invitation.Role, v *ent.Vendor) (inv *ent.Invitation, send func(context.Context) error, err error) {
	c, token, err := draftInvitation(tx, email)
	if err != nil {
		return nil, nil, err
	}
	inv, err = c.SetRole(role).SetTenantID(v.TenantID).SetVendorID(v.ID).Save(ctx)
	if err != nil {
		return nil, nil, err
	}
	return inv, func(ctx context.Context) error { return s.mailInvitation(ctx, inv, token) }, nil
}

// draftInvitation starts an invitation to email with a fresh token, its role to be set.
func draftInvitation(tx *ent.Tx, email string) (*ent.InvitationCreate, string, error) {
	addr, err := validate.Email("email", email)
	if err != nil {
		return nil, "", err
	}
	token, err := auth.NewSecretToken("inv")
	if err != nil {
		return nil, "", err
	}
	return tx.Invitation.Create().SetEmail(addr).SetTokenHash(auth.HashToken(token)).SetExpiresAt(time.Now().Add(InvitationTTL)), token, nil
}

// mailInvitation sends the token to the invited address. Without a mail provider no
// invitation can be sent: the token must never reach anyone else.
func (s *Service) mailInvitation(ctx context.Context, inv *ent.Invitation, token string) error {
	if s.Mail == nil {
		return apperr.New(apperr.Internal, "invitations need a mail provider")
	}
	return s.Mail.Send(ctx, notification.Message{
		To:      inv.Email,
		Subject: "You are invited to CityOS",
		Text: "You are invited as " + string(inv.Role) + ". Accept with acceptInvitation(token: \"" + token +
			"\") before " + inv.ExpiresAt.UTC().Format(time.RFC1123) + ".",
	})
}

// Accepted is the outcome of accepting an invitation.
type Accepted struct {
	Membership *ent.Membership
	// Created is the account made for the invited address when it had none (the caller
	// was not signed in); the caller may start a session for it.
	Created *ent.User
}

var errNoInvitation = apperr.New(apperr.NotFound, "no such invitation, or it has expired or been used")

// AcceptInvitation turns an invitation into a membership. A signed-in caller accepts for
// their own account, which must have the invited e-mail; a caller who is not signed in
// creates the account for the invited e-mail with password (when none exists yet). The
// answer never names the invited address to anyone else.
func (s *Service) AcceptInvitation(ctx context.Context, token string, password, name *string) (Accepted, error) {
	v := viewer.FromContext(ctx)
	sys := access.Bypass(ctx) // the token is the authority; the acceptor is still the actor
	var out Accepted
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		inv, err := tx.Invitation.Query().Where(invitation.TokenHash(auth.HashToken(token))).Only(sys)
		if ent.IsNotFound(err) {
			return errNoInvitation
		}
		if err != nil {
			return err
		}
		if inv.AcceptedAt != nil || !time.Now().Before(inv.ExpiresAt) {
			return errNoInvitation
		}
		var u *ent.User
		switch {
		case v.Kind == viewer.User:
			u, err = tx.User.Get(sys, v.UserID)
			if err != nil {
				return err
			}
			if u.Realm != 0 || u.Email != inv.Email {
				return apperr.New(apperr.Forbidden, "this invitation was sent to another e-mail address")
			}
		case v.Kind == viewer.Anonymous:
			exists, err := tx.User.Query().Where(user.EmailEQ(inv.Email), user.Realm(0)).Exist(sys)
			if err != nil {
				return err
			}
			if exists {
				return apperr.New(apperr.Unauthenticated, "sign in with the invited account to accept")
			}
			if password == nil {
				return apperr.Invalid("password", "choose a password for the new account")
			}
			hash, err := auth.HashPassword(*password)
			if err != nil {
				return err
			}
			c := tx.User.Create().SetEmail(inv.Email).SetPasswordHash(hash)
			if name != nil {
				n, err := validate.Name("name", *name)
				if err != nil {
					return err
				}
				c.SetName(n)
			}
			if u, err = c.Save(sys); err != nil {
				return txn.Conflict(err, "sign in with the invited account to accept")
			}
			out.Created = u
		default:
			return apperr.New(apperr.Forbidden, "invitations are accepted by people, not keys")
		}
		m := tx.Membership.Create().SetUserID(u.ID).SetRole(membership.Role(inv.Role)).SetTenantID(inv.TenantID)
		m.SetNillableStoreID(inv.StoreID).SetNillableVendorID(inv.VendorID)
		if out.Membership, err = m.Save(sys); err != nil {
			return txn.Conflict(err, "this account already holds that role")
		}
		// Only an unused invitation is consumed: two acceptances race for one membership.
		err = tx.Invitation.UpdateOneID(inv.ID).Where(invitation.AcceptedAtIsNil()).
			SetAcceptedAt(time.Now()).SetAcceptedBy(u.ID).Exec(sys)
		if ent.IsNotFound(err) {
			return errNoInvitation
		}
		return err
	})
	if err != nil {
		return Accepted{}, err
	}
	out.Membership = out.Membership.Unwrap()
	if out.Created != nil {
		out.Created = out.Created.Unwrap()
	}
	return out, nil
}

// RevokeInvitation withdraws an invitation that was not accepted yet.
func (s *Service) RevokeInvitation(ctx context.Context, id int) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Invitation.Get(ctx, id); err != nil {
			return err
		}
		return tx.Invitation.DeleteOneID(id).Exec(ctx)
	})
}
