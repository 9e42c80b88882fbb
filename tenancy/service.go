// Package tenancy is the control plane of the platform: tenants, their stores and custom
// domains, users and their roles, and API keys. Every write runs in a transaction, so the
// audit record the ent hooks write commits with it. Who may do what is decided by the
// privacy policies (package access), never here.
package tenancy

import (
	"context"
	"fmt"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/ent"
)

// Service runs the control-plane operations.
type Service struct {
	client *ent.Client
	// PlatformDomain is the domain stores get subdomains of (custom domains may not be under it).
	PlatformDomain string
	// OnChange is told after any change that may alter how a host resolves to a store.
	OnChange func(ctx context.Context)
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

// WithTx runs fn in a transaction, rolling back on error or panic.
func WithTx(ctx context.Context, client *ent.Client, fn func(tx *ent.Tx) error) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if v := recover(); v != nil {
			_ = tx.Rollback()
			panic(v)
		}
	}()
	if err := fn(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rollback: %v)", err, rerr)
		}
		return err
	}
	return tx.Commit()
}

// systemRead lets an operation check that a row exists across the platform, for rows the
// caller legitimately refers to without being able to list them (a user to grant a role).
func systemRead(ctx context.Context) context.Context { return access.Bypass(ctx) }

// Write runs one write in a transaction and returns the row it produced, detached from
// the finished transaction so its edges can still be loaded through client.
func Write[T interface{ Unwrap() T }](ctx context.Context, client *ent.Client, write func(tx *ent.Tx) (T, error)) (T, error) {
	var out T
	err := WithTx(ctx, client, func(tx *ent.Tx) (err error) {
		out, err = write(tx)
		return err
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return out.Unwrap(), nil
}

// change is Write that, once the write has committed, tells OnChange.
func change[T interface{ Unwrap() T }](ctx context.Context, s *Service, write func(tx *ent.Tx) (T, error)) (T, error) {
	out, err := Write(ctx, s.client, write)
	if err == nil {
		s.changed(ctx)
	}
	return out, err
}
