// Package tenancy is the control plane of the platform: tenants, their stores and custom
// domains, users and their roles, and API keys. Every write runs in a transaction, so the
// audit record the ent hooks write commits with it. Who may do what is decided by the
// privacy policies (package access), never here.
package tenancy

import (
	"context"
	"time"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/txn"
)

// Service runs the control-plane operations.
type Service struct {
	client *ent.Client
	// PlatformDomain is the domain stores get subdomains of (custom domains may not be under it).
	PlatformDomain string
	// OnChange is told after any change that may alter how a host resolves to a store.
	OnChange func(ctx context.Context)
	// Mail sends invitations to the invited addresses.
	Mail notification.Provider
	// VerificationWindow is how long a custom domain may stay pending (0: the default).
	VerificationWindow time.Duration
}

// New returns a Service over client.
func New(client *ent.Client, platformDomain string) *Service {
	return &Service{client: client, PlatformDomain: platformDomain}
}

func (s *Service) changed(ctx context.Context) {
	if s.OnChange != nil {
		s.OnChange(ctx)
	}
}

// systemRead lets an operation check that a row exists across the platform, for rows the
// caller legitimately refers to without being able to list them (a user to grant a role).
func systemRead(ctx context.Context) context.Context { return access.Bypass(ctx) }

// change is Write that, once the write has committed, tells OnChange.
func change[T interface{ Unwrap() T }](ctx context.Context, s *Service, write func(tx *ent.Tx) (T, error)) (T, error) {
	out, err := txn.Write(ctx, s.client, write)
	if err == nil {
		s.changed(ctx)
	}
	return out, err
}
