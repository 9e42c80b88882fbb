package vendors

import (
	"context"
	"slices"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/vendor"
)

// transitions lists, for each target status, the statuses a vendor may reach it from.
// A suspended vendor approved again is reinstated; a rejected one stays rejected (it may
// apply again under another handle).
var transitions = map[vendor.Status][]vendor.Status{
	vendor.StatusActive:    {vendor.StatusPending, vendor.StatusSuspended},
	vendor.StatusRejected:  {vendor.StatusPending},
	vendor.StatusSuspended: {vendor.StatusActive},
}

// Approve makes a pending vendor active (or reinstates a suspended one). On its first
// approval the applicant becomes the vendor's vendor_admin, in the same transaction.
func (s *Service) Approve(ctx context.Context, id int) (*ent.Vendor, error) {
	return s.move(ctx, id, vendor.StatusActive, func(tx *ent.Tx, before, after *ent.Vendor) error {
		if before.Status != vendor.StatusPending || after.ApplicantID == nil {
			return nil
		}
		return tx.Membership.Create().SetUserID(*after.ApplicantID).SetRole(membership.RoleVendorAdmin).
			SetTenantID(after.TenantID).SetVendorID(after.ID).Exec(ctx)
	}, nil)
}

// Reject turns a pending application down, with the reason the applicant reads.
func (s *Service) Reject(ctx context.Context, id int, reason string) (*ent.Vendor, error) {
	r, err := catalog.Text("reason", reason, 1000)
	if err != nil {
		return nil, err
	}
	return s.move(ctx, id, vendor.StatusRejected, nil, func(u *ent.VendorUpdateOne) { u.SetRejectedReason(r) })
}

// Suspend stops an active vendor: its staff keep reading, and may no longer write.
func (s *Service) Suspend(ctx context.Context, id int) (*ent.Vendor, error) {
	return s.move(ctx, id, vendor.StatusSuspended, nil, nil)
}

// move changes a vendor's status to to, when the vendor's current status allows it
// (CONFLICT otherwise), then runs after in the same transaction.
func (s *Service) move(ctx context.Context, id int, to vendor.Status, after func(tx *ent.Tx, before, now *ent.Vendor) error, set func(*ent.VendorUpdateOne)) (*ent.Vendor, error) {
	return s.write(ctx, func(tx *ent.Tx) (*ent.Vendor, error) {
		before, err := tx.Vendor.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(transitions[to], before.Status) {
			return nil, apperr.New(apperr.Conflict, "a %s vendor cannot become %s", before.Status, to)
		}
		// Only the status read stays valid: a concurrent move finds no row to update.
		u := tx.Vendor.UpdateOneID(id).Where(vendor.StatusEQ(before.Status)).SetStatus(to)
		if set != nil {
			set(u)
		}
		now, err := u.Save(ctx)
		if ent.IsNotFound(err) {
			return nil, apperr.New(apperr.Conflict, "the vendor changed status meanwhile: read it again")
		}
		if err != nil {
			return nil, err
		}
		if after != nil {
			if err := after(tx, before, now); err != nil {
				return nil, err
			}
		}
		return now, nil
	})
}

// Update changes a vendor's profile: the tenant's admins, or the vendor's own admins
// while it is not suspended (access.VendorPolicy).
func (s *Service) Update(ctx context.Context, id int, in Profile) (*ent.Vendor, error) {
	p, err := in.checked()
	if err != nil {
		return nil, err
	}
	return s.write(ctx, func(tx *ent.Tx) (*ent.Vendor, error) {
		if _, err := tx.Vendor.Get(ctx, id); err != nil {
			return nil, err
		}
		u := tx.Vendor.UpdateOneID(id)
		p.apply(u.Mutation())
		return u.Save(ctx)
	})
}
