package tenancy

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/tenant"
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
	handle, err := Handle("handle", in.Handle)
	if err != nil {
		return nil, err
	}
	name, err := Name("name", in.Name)
	if err != nil {
		return nil, err
	}
	var out *ent.Tenant
	err = WithTx(ctx, s.client, func(tx *ent.Tx) error {
		c := tx.Tenant.Create().SetHandle(handle).SetName(name).
			SetNillableStatus(in.Status).SetNillableSubscriptionTier(in.SubscriptionTier)
		if err := setTenantContact(in.BillingEmail, in.Country, c.SetBillingEmail, c.SetCountry); err != nil {
			return err
		}
		if in.Subdomain != nil {
			sub, err := Subdomain("subdomain", *in.Subdomain)
			if err != nil {
				return err
			}
			if err := claimSubdomain(ctx, tx, sub, 0, 0); err != nil {
				return err
			}
			c.SetSubdomain(sub)
		}
		if in.Metadata != nil {
			c.SetMetadata(in.Metadata)
		}
		out, err = c.Save(ctx)
		return translate(err, "a tenant with that handle or subdomain already exists")
	})
	if err != nil {
		return nil, err
	}
	s.changed(ctx)
	return out.Unwrap(), nil
}

// UpdateTenant changes a tenant's details.
func (s *Service) UpdateTenant(ctx context.Context, id int, in UpdateTenantInput) (*ent.Tenant, error) {
	var out *ent.Tenant
	err := WithTx(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Tenant.Get(ctx, id); err != nil {
			return err
		}
		u := tx.Tenant.UpdateOneID(id).SetNillableSubscriptionTier(in.SubscriptionTier)
		if in.Name != nil {
			name, err := Name("name", *in.Name)
			if err != nil {
				return err
			}
			u.SetName(name)
		}
		if err := setTenantContact(in.BillingEmail, in.Country, u.SetBillingEmail, u.SetCountry); err != nil {
			return err
		}
		switch {
		case in.ClearSubdomain != nil && *in.ClearSubdomain:
			u.ClearSubdomain()
		case in.Subdomain != nil:
			sub, err := Subdomain("subdomain", *in.Subdomain)
			if err != nil {
				return err
			}
			if err := claimSubdomain(ctx, tx, sub, id, 0); err != nil {
				return err
			}
			u.SetSubdomain(sub)
		}
		if in.Metadata != nil {
			u.SetMetadata(in.Metadata)
		}
		var err error
		out, err = u.Save(ctx)
		return translate(err, "that subdomain is already taken")
	})
	if err != nil {
		return nil, err
	}
	s.changed(ctx)
	return out.Unwrap(), nil
}

// SetTenantStatus suspends, reactivates or retires a tenant (platform only, by policy).
func (s *Service) SetTenantStatus(ctx context.Context, id int, status tenant.Status) (*ent.Tenant, error) {
	if err := tenant.StatusValidator(status); err != nil {
		return nil, err
	}
	var out *ent.Tenant
	err := WithTx(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.Tenant.Get(ctx, id); err != nil {
			return err
		}
		var err error
		out, err = tx.Tenant.UpdateOneID(id).SetStatus(status).Save(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.changed(ctx)
	return out.Unwrap(), nil
}

func setTenantContact[B any](email, country *string, setEmail func(string) B, setCountry func(string) B) error {
	if email != nil {
		e := ""
		if *email != "" {
			var err error
			if e, err = Email("billingEmail", *email); err != nil {
				return err
			}
		}
		setEmail(e)
	}
	if country != nil {
		c := ""
		if *country != "" {
			var err error
			if c, err = Country("country", *country); err != nil {
				return err
			}
		}
		setCountry(c)
	}
	return nil
}
