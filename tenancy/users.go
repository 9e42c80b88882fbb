package tenancy

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
	"github.com/dakkah/cityos/viewer"
)

// CreateUserInput is the input of CreateUser.
type CreateUserInput struct {
	Email    string
	Password string
	Name     *string
}

// CreateUser creates a user who can sign in; roles are granted separately.
func (s *Service) CreateUser(ctx context.Context, in CreateUserInput) (*ent.User, error) {
	email, err := validate.Email("email", in.Email)
	if err != nil {
		return nil, err
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return nil, err
	}
	c := s.client.User.Create().SetEmail(email).SetPasswordHash(hash)
	if in.Name != nil {
		c.SetName(*in.Name)
	}
	u, err := c.Save(ctx)
	return u, txn.Conflict(err, "a user with that e-mail already exists")
}

// GrantRole gives a user a role: super_admin with no tenant; tenant_admin and customer
// in a tenant; store_manager in a store (its tenant is taken from the store).
func (s *Service) GrantRole(ctx context.Context, userID int, role membership.Role, tenantID, storeID *int) (*ent.Membership, error) {
	if err := membership.RoleValidator(role); err != nil {
		return nil, apperr.Invalid("role", "unknown role %q", role)
	}
	var out *ent.Membership
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		c := tx.Membership.Create().SetUserID(userID).SetRole(role)
		switch role {
		case membership.RoleSuperAdmin:
			if tenantID != nil || storeID != nil {
				return apperr.Invalid("tenantId", "super_admin is a platform role: give no tenant or store")
			}
		case membership.RoleStoreManager:
			if storeID == nil {
				return apperr.Invalid("storeId", "store_manager needs a store")
			}
			st, err := tx.Store.Get(ctx, *storeID)
			if err != nil {
				return err
			}
			if tenantID != nil && *tenantID != st.TenantID {
				return apperr.Invalid("tenantId", "the store does not belong to that tenant")
			}
			c.SetTenantID(st.TenantID).SetStoreID(st.ID)
		case membership.RoleVendorAdmin, membership.RoleVendorStaff:
			return apperr.Invalid("role", "vendor roles come with a vendor: approveVendor or inviteVendor")
		default:
			if tenantID == nil || storeID != nil {
				return apperr.Invalid("tenantId", "%s needs a tenant and no store", role)
			}
			if _, err := tx.Tenant.Get(ctx, *tenantID); err != nil {
				return err
			}
			c.SetTenantID(*tenantID)
		}
		t, _ := c.Mutation().TenantID()
		var tenantOf *int
		if t != 0 {
			tenantOf = &t
		}
		if err := grantable(ctx, tx, userID, tenantOf); err != nil {
			return err
		}
		var err error
		out, err = c.Save(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// RevokeRole removes a membership.
func (s *Service) RevokeRole(ctx context.Context, membershipID int) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Membership.Get(ctx, membershipID); err != nil {
			return err
		}
		return tx.Membership.DeleteOneID(membershipID).Exec(ctx)
	})
}

// grantable checks that the user belongs to the tenant the role is granted in, unless the
// platform grants it. A user belongs to a tenant when they hold a role in it (any store
// of it included) or are its own customer account (customer accounts are per tenant).
// Anyone else — another tenant's staff or customers, an account that holds no role
// anywhere — is NOT_FOUND, so a grant neither claims nor reveals them: such a user joins
// a tenant only by accepting an invitation (InviteStaff).
func grantable(ctx context.Context, tx *ent.Tx, userID int, tenantID *int) error {
	if viewer.FromContext(ctx).IsSuperAdmin() {
		if _, err := tx.User.Query().Where(user.ID(userID)).Only(systemRead(ctx)); err != nil {
			return err
		}
		return nil
	}
	if tenantID == nil {
		return apperr.New(apperr.Forbidden, "only the platform grants platform roles")
	}
	if _, err := tx.User.Get(ctx, userID); err != nil {
		return err // not visible to the granter: not found
	}
	member, err := tx.User.Query().
		Where(user.ID(userID), user.Or(user.Realm(*tenantID), user.HasMembershipsWith(membership.TenantID(*tenantID)))).
		Exist(systemRead(ctx))
	if err != nil {
		return err
	}
	if !member {
		return apperr.New(apperr.NotFound, "not found")
	}
	return nil
}
