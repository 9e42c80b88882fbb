package vendors

import (
	"context"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/invitation"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
	"github.com/dakkah/cityos/viewer"
)

// MaxPendingApplications is how many applications one person may have waiting in one
// tenant.
const MaxPendingApplications = 3

// TenantRef names a tenant by id or by handle.
type TenantRef struct {
	ID     *int
	Handle *string
}

// Apply is a signed-in user's application to sell on a tenant's marketplace: a pending
// vendor, recording the applicant. No membership exists until a tenant admin approves
// the vendor; approval makes the applicant its vendor_admin (see Approve), so a rejected
// or pending application grants nothing. The applicant sees the vendor meanwhile.
func (s *Service) Apply(ctx context.Context, to TenantRef, in NewVendor) (*ent.Vendor, error) {
	v := viewer.FromContext(ctx)
	switch v.Kind {
	case viewer.User:
	case viewer.Anonymous, viewer.PublishableKey:
		return nil, apperr.New(apperr.Unauthenticated, "sign in to apply as a vendor")
	default:
		return nil, apperr.New(apperr.Forbidden, "vendors are applied for by people, not keys")
	}
	// The applicant cannot see the tenant's vendors, nor (as a platform user) the tenant:
	// the application is checked here and written past the policies, in the applicant's name.
	sys := access.Bypass(ctx)
	t, err := s.tenantOf(sys, to)
	if err != nil {
		return nil, err
	}
	u, err := s.client.User.Get(sys, v.UserID)
	if err != nil {
		return nil, err
	}
	// A customer account belongs to its tenant's realm: it may apply there only.
	if u.Realm != 0 && u.Realm != t.ID {
		return nil, apperr.New(apperr.Forbidden, "this account belongs to another tenant")
	}
	handle, p, err := in.checked()
	if err != nil {
		return nil, err
	}
	return s.write(ctx, func(tx *ent.Tx) (*ent.Vendor, error) {
		// Any signed-in person may apply to any tenant: the applicant's row is locked
		// while its pending applications there are counted, so none can pile them up.
		if _, err := tx.User.Query().Where(user.ID(u.ID), txn.LockedOnPostgres).Only(sys); err != nil {
			return nil, err
		}
		pending, err := tx.Vendor.Query().Where(vendor.TenantID(t.ID), vendor.ApplicantID(u.ID),
			vendor.StatusEQ(vendor.StatusPending)).Count(sys)
		if err != nil {
			return nil, err
		}
		if pending >= MaxPendingApplications {
			return nil, apperr.New(apperr.Conflict, "you have %d applications waiting in this tenant: wait for an answer", pending)
		}
		c := tx.Vendor.Create().SetTenantID(t.ID).SetHandle(handle).SetStatus(vendor.StatusPending).SetApplicantID(u.ID)
		p.apply(c.Mutation())
		return c.Save(sys)
	})
}

// Invite creates a vendor on a tenant admin's word and invites its admin by e-mail. The
// vendor is active at once: the tenant chose it, so there is nothing left to approve;
// the invited person becomes its vendor_admin on accepting the invitation (the same
// acceptInvitation as staff invitations).
func (s *Service) Invite(ctx context.Context, tenantID int, in NewVendor, adminEmail string) (*ent.Vendor, error) {
	handle, p, err := in.checked()
	if err != nil {
		return nil, err
	}
	if _, err := validate.Email("adminEmail", adminEmail); err != nil {
		return nil, err
	}
	var send func(context.Context) error
	out, err := s.write(ctx, func(tx *ent.Tx) (*ent.Vendor, error) {
		c := tx.Vendor.Create().SetTenantID(tenantID).SetHandle(handle).SetStatus(vendor.StatusActive)
		p.apply(c.Mutation())
		row, err := c.Save(ctx)
		if err != nil {
			return nil, err
		}
		_, send, err = s.tenancy.InviteToVendor(ctx, tx, adminEmail, invitation.RoleVendorAdmin, row)
		return row, err
	})
	if err != nil {
		return nil, err
	}
	return out, send(ctx)
}

func (s *Service) tenantOf(ctx context.Context, to TenantRef) (*ent.Tenant, error) {
	q := s.client.Tenant.Query()
	switch {
	case to.ID != nil:
		q.Where(tenant.ID(*to.ID))
	case to.Handle != nil:
		q.Where(tenant.Handle(*to.Handle))
	default:
		return nil, apperr.Invalid("tenantId", "name the tenant: tenantId or tenantHandle")
	}
	t, err := q.Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "no such tenant")
	}
	if err != nil {
		return nil, err
	}
	if t.Status != tenant.StatusActive && t.Status != tenant.StatusTrial {
		return nil, apperr.New(apperr.NotFound, "no such tenant")
	}
	return t, nil
}

// checked validates a new vendor: its handle and a name are required.
func (in NewVendor) checked() (string, Profile, error) {
	handle, err := validate.Handle("handle", in.Handle)
	if err != nil {
		return "", Profile{}, err
	}
	if in.Name == nil {
		return "", Profile{}, apperr.Invalid("name", "name must be 1-200 characters")
	}
	p, err := in.Profile.checked()
	return handle, p, err
}
