// Package vendors onboards the sellers of a tenant's marketplace: a user applies or a
// tenant admin invites a vendor, the tenant approves, rejects or suspends it, and the
// vendor's admins keep its profile. Who may do what is decided by the privacy policies
// (access.VendorPolicy); this package holds the rules of the vendor's life.
package vendors

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/txn"
)

// Service runs vendor onboarding.
type Service struct {
	client *ent.Client
	// Tenancy sends the invitations of invited vendors' admins.
	tenancy *tenancy.Service
}

// New returns a Service over client; invitations go out through ten.
func New(client *ent.Client, ten *tenancy.Service) *Service {
	return &Service{client: client, tenancy: ten}
}

// Profile is what describes a vendor to shoppers and to the tenant. Nil fields are left
// as they are (on update) or empty (on create).
type Profile struct {
	Name          *string
	ContactEmail  *string
	ContactPhone  *string
	Description   *string
	Logo          *string
	PayoutAccount *string
	Metadata      map[string]any
}

// NewVendor is a vendor to create: its handle (unique in the tenant) and profile.
type NewVendor struct {
	Handle string
	Profile
}

func (s *Service) write(ctx context.Context, fn func(tx *ent.Tx) (*ent.Vendor, error)) (*ent.Vendor, error) {
	v, err := txn.Write(ctx, s.client, fn)
	return v, txn.Conflict(err, "the tenant has a vendor with that handle")
}
