package workers

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
)

// StoreNames is storeNames for tests, telling time by now.
type StoreNames struct{ s *storeNames }

// NewStoreNames returns a StoreNames whose clock is now.
func NewStoreNames(now func() time.Time) StoreNames {
	s := newStoreNames()
	s.now = now
	return StoreNames{s}
}

// Name is storeNames.name.
func (n StoreNames) Name(ctx context.Context, client *ent.Client, id int) (string, error) {
	return n.s.name(ctx, client, id)
}
