// Package integration manages a tenant's integration endpoints: the other systems that
// hear its events as signed webhooks. It makes each endpoint's signing secret (shown
// once), rotates it with an overlap, and refuses URLs that do not lead to a public host
// (package egress). Delivery reuses Matches and Signers.
package integration

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/egress"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// Service manages integration endpoints. Who may do what is the entity's policy
// (access.IntegrationEndpointPolicy).
type Service struct {
	client *ent.Client
	// Egress is what an endpoint's URL must satisfy (from the configuration); tests set
	// its Resolver.
	Egress egress.Policy
	// Now is the clock of rotations; time.Now unless a test sets it.
	Now func() time.Time
}

// New returns the service.
func New(client *ent.Client, p egress.Policy) *Service {
	return &Service{client: client, Egress: p, Now: time.Now}
}

// CreateInput is the input of Create.
type CreateInput struct {
	TenantID int
	// StoreID limits the endpoint to that store's events; nil hears the whole tenant.
	StoreID *int
	// VendorID limits the endpoint to that vendor's events (a vendor's own integration).
	VendorID    *int
	URL         string
	Description *string
	EventTypes  []string
	Enabled     *bool
}

// UpdateInput is the input of Update; nil leaves a field as it is.
type UpdateInput struct {
	URL         *string
	Description *string
	EventTypes  []string
	Enabled     *bool
}

// WithSecret is an endpoint and its new secret, which the caller sees this once.
type WithSecret struct {
	Endpoint *ent.IntegrationEndpoint
	Secret   string
}

// Create makes an endpoint with a new secret.
func (s *Service) Create(ctx context.Context, in CreateInput) (WithSecret, error) {
	desc := ""
	if in.Description != nil {
		desc = *in.Description
	}
	in.URL = strings.TrimSpace(in.URL)
	if err := checkDescription(&desc); err != nil {
		return WithSecret{}, err
	}
	if err := checkEventTypes(in.EventTypes); err != nil {
		return WithSecret{}, err
	}
	// The tenant and store are read under the caller's policies: another tenant's are
	// NOT_FOUND.
	if _, err := s.client.Tenant.Get(ctx, in.TenantID); err != nil {
		return WithSecret{}, err
	}
	if err := mayManage(ctx, in.TenantID, in.VendorID); err != nil {
		return WithSecret{}, err
	}
	if in.VendorID != nil {
		vd, err := s.client.Vendor.Get(ctx, *in.VendorID)
		if err != nil {
			return WithSecret{}, err
		}
		if vd.TenantID != in.TenantID {
			return WithSecret{}, apperr.Invalid("vendorId", "the vendor does not belong to that tenant")
		}
	}
	if in.StoreID != nil {
		st, err := s.client.Store.Get(ctx, *in.StoreID)
		if err != nil {
			return WithSecret{}, err
		}
		if st.TenantID != in.TenantID {
			return WithSecret{}, apperr.Invalid("storeId", "the store does not belong to that tenant")
		}
	}
	if err := s.checkURL(ctx, in.URL); err != nil {
		return WithSecret{}, err
	}
	return s.withNewSecret(ctx, func(tx *ent.Tx, secret string) (*ent.IntegrationEndpoint, error) {
		c := tx.IntegrationEndpoint.Create().SetTenantID(in.TenantID).SetNillableStoreID(in.StoreID).SetNillableVendorID(in.VendorID).
			SetURL(in.URL).SetDescription(desc).SetEventTypes(in.EventTypes).SetSecret(secret)
		if in.Enabled != nil {
			c.SetEnabled(*in.Enabled)
		}
		return c.Save(ctx)
	})
}

// withNewSecret makes a secret and saves it with write, in one transaction; the secret
// is returned beside the endpoint, this once.
func (s *Service) withNewSecret(ctx context.Context, write func(tx *ent.Tx, secret string) (*ent.IntegrationEndpoint, error)) (WithSecret, error) {
	secret, err := stdwebhook.NewSecret()
	if err != nil {
		return WithSecret{}, err
	}
	var out *ent.IntegrationEndpoint
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		var err error
		out, err = write(tx, secret)
		return err
	})
	if err != nil {
		return WithSecret{}, err
	}
	return WithSecret{Endpoint: out.Unwrap(), Secret: secret}, nil
}

// Update changes an endpoint. Enabling it clears what the platform recorded when it
// disabled it (the reason and the run of dead deliveries), so it starts afresh.
func (s *Service) Update(ctx context.Context, id int, in UpdateInput) (*ent.IntegrationEndpoint, error) {
	e, err := s.managed(ctx, id)
	if err != nil {
		return nil, err
	}
	if in.Description != nil {
		if err := checkDescription(in.Description); err != nil {
			return nil, err
		}
	}
	if in.EventTypes != nil {
		if err := checkEventTypes(in.EventTypes); err != nil {
			return nil, err
		}
	}
	if in.URL != nil {
		*in.URL = strings.TrimSpace(*in.URL)
	}
	if in.URL != nil && *in.URL != e.URL {
		if err := s.checkURL(ctx, *in.URL); err != nil {
			return nil, err
		}
	}
	var out *ent.IntegrationEndpoint
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		u := tx.IntegrationEndpoint.UpdateOneID(id)
		if in.URL != nil {
			u.SetURL(*in.URL)
		}
		if in.Description != nil {
			u.SetDescription(*in.Description)
		}
		if in.EventTypes != nil {
			u.SetEventTypes(in.EventTypes)
		}
		if in.Enabled != nil {
			u.SetEnabled(*in.Enabled)
			if *in.Enabled {
				u.ClearDisabledReason().SetDeadStreak(0)
			}
		}
		var err error
		out, err = u.Save(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// Delete removes an endpoint; nothing is delivered to it any more.
func (s *Service) Delete(ctx context.Context, id int) (int, error) {
	if _, err := s.managed(ctx, id); err != nil {
		return 0, err
	}
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		return tx.IntegrationEndpoint.DeleteOneID(id).Exec(ctx)
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// managed reads endpoint id (NOT_FOUND when the caller cannot see it) and checks the
// caller may change it.
func (s *Service) managed(ctx context.Context, id int) (*ent.IntegrationEndpoint, error) {
	e, err := s.client.IntegrationEndpoint.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	return e, mayManage(ctx, e.TenantID, e.VendorID)
}

// mayManage is the policy's rule (tenant admins write; a vendor's admins its vendor's
// endpoints) asked before the work that precedes the write: a URL's DNS lookup is not
// done for a caller who may not write. The policy still decides the write itself.
func mayManage(ctx context.Context, tenantID int, vendorID *int) error {
	v := viewer.FromContext(ctx)
	if v.IsSuperAdmin() || v.IsTenantAdmin(tenantID) {
		return nil
	}
	if vendorID != nil && slices.Contains(v.VendorsWithRole(viewer.RoleVendorAdmin), *vendorID) {
		return nil
	}
	return apperr.New(apperr.Forbidden, "forbidden: only the tenant's admins (and a vendor's admins, for its endpoints) manage integration endpoints")
}
