package server

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/dakkah/cityos/pubsub"
)

// CatalogChannel is the channel on which API instances tell each other that staff
// changed something, so that each drops its catalog cache.
const CatalogChannel = "cityos:catalog:invalidate"

// CatalogChanges counts the staff changes an instance knows of, its own and (once
// listening) the other instances'. The catalog cache keys its entries by the count, so
// a change moves every key on at once.
type CatalogChanges struct {
	n   atomic.Uint64
	bus pubsub.Bus // nil: this instance only
}

// NewCatalogChanges returns a count that Bump also sends on bus (nil for none).
func NewCatalogChanges(bus pubsub.Bus) *CatalogChanges { return &CatalogChanges{bus: bus} }

// Load is the current count.
func (c *CatalogChanges) Load() uint64 { return c.n.Load() }

// Bump counts a change of this instance and tells the listening instances.
func (c *CatalogChanges) Bump(ctx context.Context) error {
	c.changed()
	if c.bus == nil {
		return nil
	}
	if err := c.bus.Publish(ctx, CatalogChannel, []byte("changed")); err != nil {
		return fmt.Errorf("catalog cache: broadcast a change: %w", err)
	}
	return nil
}

// Listen counts every message of CatalogChannel as a change until ctx ends; it returns
// once subscribed. A message lost while disconnected is covered by the cache's TTL, and
// the bus's news of a gap arrives as a message too.
func (c *CatalogChanges) Listen(ctx context.Context, bus pubsub.Bus) error {
	if err := pubsub.Each(ctx, bus, CatalogChannel, func(pubsub.Message) { c.changed() }); err != nil {
		return fmt.Errorf("catalog cache: %w", err)
	}
	return nil
}

func (c *CatalogChanges) changed() { c.n.Add(1) }
