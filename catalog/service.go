// Package catalog manages what tenants sell: products, their options and variants,
// categories, collections, and the sales channels that put products in stores. Every
// write runs in a transaction under the caller's context, so the privacy policies
// (package access) decide who may make it; nothing here filters by tenant.
package catalog

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/tenancy"
)

// Service runs the catalog operations.
type Service struct{ client *ent.Client }

// New returns a Service over client.
func New(client *ent.Client) *Service { return &Service{client: client} }

// change runs one write in a transaction (see tenancy.Write).
func change[T interface{ Unwrap() T }](ctx context.Context, s *Service, write func(tx *ent.Tx) (T, error)) (T, error) {
	return tenancy.Write(ctx, s.client, write)
}

// translate turns a unique-index violation into a CONFLICT (see tenancy.Conflict).
func translate(err error, conflictMsg string) error { return tenancy.Conflict(err, conflictMsg) }
