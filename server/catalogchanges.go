package server

import (
	"context"
	"sync/atomic"

	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/fanout"
)

// CatalogChannel is the Redis channel on which API instances tell each other that staff
// changed something, so that each drops its catalog cache.
const CatalogChannel = "cityos:catalog:invalidate"

// CatalogChanges counts the staff changes an instance knows of, its own and (once
// listening) the other instances'. The catalog cache keys its entries by the count, so
// a change moves every key on at once.
type CatalogChanges struct {
	n   atomic.Uint64
	rdb *redis.Client // nil: this instance only
}

// NewCatalogChanges returns a count that Bump also sends on rdb (nil for none).
func NewCatalogChanges(rdb *redis.Client) *CatalogChanges { return &CatalogChanges{rdb: rdb} }

// Load is the current count.
func (c *CatalogChanges) Load() uint64 { return c.n.Load() }

// Bump counts a change of this instance and tells the listening instances.
func (c *CatalogChanges) Bump(ctx context.Context) error {
	c.changed()
	if c.rdb == nil {
		return nil
	}
	return fanout.Send(ctx, c.rdb, CatalogChannel)
}

// Listen counts every message of CatalogChannel as a change until ctx ends; it returns
// once subscribed (see package fanout). A message lost while disconnected is covered by
// the cache's TTL.
func (c *CatalogChanges) Listen(ctx context.Context, rdb *redis.Client) error {
	return fanout.Listen(ctx, rdb, CatalogChannel, c.changed)
}

func (c *CatalogChanges) changed() { c.n.Add(1) }
