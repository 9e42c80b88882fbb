package tenancy

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/tenantsubscription"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
)

// CreateTenantInput is the input of CreateTenant.
type CreateTenantInput struct {
	Handle           string
	Name             string
	Status           *tenant.Status
	SubscriptionTier *tenant.SubscriptionTier
	BillingEmail     *string
	Country          *string
	Subdomain        *string
	Metadata         map[string]any
}

// UpdateTenantInput is the input of UpdateTenant; nil fields are left as they are.
type UpdateTenantInput struct {
	Name             *string
	SubscriptionTier *tenant.SubscriptionTier
	BillingEmail     *string
	Country          *string
	Subdomain        *string
	ClearSubdomain   *bool
	Metadata         map[string]any
}

// CreateTenant creates a tenant.
func (s *Service) CreateTenant(ctx context.Context, in CreateTenantInput) (*ent.Tenant, error) {
	handle, err := validate.Handle("handle", in.Handle)
	if err != nil {
		return nil, err
	}
	name, err := validate.Name("name", in.Name)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.Tenant, error) {
		c := tx.Tenant.Create().SetHandle(handle).SetName(name).
			SetNillableStatus(in.Status).SetNillableSubscriptionTier(in.SubscriptionTier)
		if err := setTenantContact(in.BillingEmail, in.Country, c.SetBillingEmail, c.SetCountry); err != nil {
			return nil, err
		}
		sub, err := validSubdomain(in.Subdomain)
		if err != nil {
			return nil, err
		}
		c.SetNillableSubdomain(sub)
		if in.Metadata != nil {
			c.SetMetadata(in.Metadata)
		}
		out, err := c.Save(ctx)
		if err != nil {
			return nil, txn.Conflict(err, "a tenant with that handle or subdomain already exists")
		}
		if sub != nil {
			if err := claimSubdomain(ctx, tx, holder{tenantID: out.ID}, sub); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
}

// UpdateTenant changes a tenant's details.
func (s *Service) UpdateTenant(ctx context.Context, id int, in UpdateTenantInput) (*ent.Tenant, error) {
	return change(ctx, s, func(tx *ent.Tx) (*ent.Tenant, error) {
		if _, err := tx.Tenant.Get(ctx, id); err != nil {
			return nil, err
		}
		if err := tierFollowsPlan(ctx, tx, id, in.SubscriptionTier); err != nil {
			return nil, err
		}
		u := tx.Tenant.UpdateOneID(id).SetNillableSubscriptionTier(in.SubscriptionTier)
		if in.Name != nil {
			name, err := validate.Name("name", *in.Name)
			if err != nil {
				return nil, err
			}
			u.SetName(name)
		}
		if err := setTenantContact(in.BillingEmail, in.Country, u.SetBillingEmail, u.SetCountry); err != nil {
			return nil, err
		}
		claim := func() error { return nil }
		switch {
		case in.ClearSubdomain != nil && *in.ClearSubdomain:
			u.ClearSubdomain()
			claim = func() error { return claimSubdomain(ctx, tx, holder{tenantID: id}, nil) }
		case in.Subdomain != nil:
			sub, err := validSubdomain(in.Subdomain)
			if err != nil {
				return nil, err
			}
			u.SetSubdomain(*sub)
			claim = func() error { return claimSubdomain(ctx, tx, holder{tenantID: id}, sub) }
		}
		if in.Metadata != nil {
			u.SetMetadata(in.Metadata)
		}
		out, err := u.Save(ctx)
		if err != nil {
			return nil, txn.Conflict(err, "that subdomain is already taken")
		}
		// The claim comes after the row, as on create: every writer takes its own
		// table's index entry first and the shared claim last, so racing writers
		// cannot wait on each other in a circle.
		return out, claim()
	})
}

// SetTenantStatus suspends, reactivates or retires a tenant (platform only, by policy).
func (s *Service) SetTenantStatus(ctx context.Context, id int, status tenant.Status) (*ent.Tenant, error) {
	if err := tenant.StatusValidator(status); err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.Tenant, error) {
		if _, err := tx.Tenant.Get(ctx, id); err != nil {
			return nil, err
		}
		// Recording who suspended the tenant keeps a payment (package billing) from
		// lifting a suspension the platform's admins chose.
		u := tx.Tenant.UpdateOneID(id).SetStatus(status)
		if status == tenant.StatusSuspended {
			u.SetSuspendedBy(tenant.SuspendedByPlatform)
		} else {
			u.ClearSuspendedBy()
		}
		return u.Save(ctx)
	})
}

func setTenantContact[B any](email, country *string, setEmail func(string) B, setCountry func(string) B) error {
	if email != nil {
		e := ""
		if *email != "" {
			var err error
			if e, err = validate.Email("billingEmail", *email); err != nil {
				return err
			}
		}
		setEmail(e)
	}
	if country != nil {
		c := ""
		if *country != "" {
			var err error
			if c, err = validate.Country("country", *country); err != nil {
				return err
			}
		}
		setCountry(c)
	}
	return nil
}

// tierFollowsPlan refuses to set the tier of a tenant billed for a plan: its tier is
// that plan's (package billing keeps them in step), and changePlan changes both,
// prorating.
func tierFollowsPlan(ctx context.Context, tx *ent.Tx, id int, tier *tenant.SubscriptionTier) error {
	if tier == nil {
		return nil
	}
	billed, err := tx.TenantSubscription.Query().Where(tenantsubscription.TenantID(id),
		tenantsubscription.StatusNEQ(tenantsubscription.StatusCanceled)).Exist(systemRead(ctx))
	if err != nil || !billed {
		return err
	}
	return apperr.New(apperr.Conflict, "the tenant is billed for a plan: changePlan changes its plan and tier")
}
