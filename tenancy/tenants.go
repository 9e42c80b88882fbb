package tenancy

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/tenant"
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
		if in.Subdomain != nil {
			sub, err := claimNewSubdomain(ctx, tx, *in.Subdomain, 0, 0)
			if err != nil {
				return nil, err
			}
			c.SetSubdomain(sub)
		}
		if in.Metadata != nil {
			c.SetMetadata(in.Metadata)
		}
		out, err := c.Save(ctx)
		return out, txn.Conflict(err, "a tenant with that handle or subdomain already exists")
	})
}

// UpdateTenant changes a tenant's details.
func (s *Service) UpdateTenant(ctx context.Context, id int, in UpdateTenantInput) (*ent.Tenant, error) {
	return change(ctx, s, func(tx *ent.Tx) (*ent.Tenant, error) {
		if _, err := tx.Tenant.Get(ctx, id); err != nil {
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
		switch {
		case in.ClearSubdomain != nil && *in.ClearSubdomain:
			u.ClearSubdomain()
		case in.Subdomain != nil:
			sub, err := claimNewSubdomain(ctx, tx, *in.Subdomain, id, 0)
			if err != nil {
				return nil, err
			}
			u.SetSubdomain(sub)
		}
		if in.Metadata != nil {
			u.SetMetadata(in.Metadata)
		}
		out, err := u.Save(ctx)
		return out, txn.Conflict(err, "that subdomain is already taken")
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
		out, err := tx.Tenant.UpdateOneID(id).SetStatus(status).Save(ctx)
		return out, err
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
