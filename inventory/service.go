package inventory

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/txn"
)

// Service runs the stock operations staff call; Reserve, Release and Ship are used by
// checkout and orders inside their own transactions. Every write runs in a transaction;
// who may do what is decided by the privacy policies (package access), never here.
type Service struct{ client *ent.Client }

// New returns a Service over client.
func New(client *ent.Client) *Service { return &Service{client: client} }

// change runs one write in a transaction (see txn.Write).
func change[T interface{ Unwrap() T }](ctx context.Context, s *Service, write func(tx *ent.Tx) (T, error)) (T, error) {
	return txn.Write(ctx, s.client, write)
}
