package storefront

import (
	"sync"
	"time"

	"github.com/dakkah/cityos/ent"
)

// storeCache keeps resolved stores with their tenants for as long as the resolution
// cache keeps addresses, and drops them on the same invalidations: every storefront
// request names its store, and reading it (and its status) from the database each time
// would cost two queries per request.
type storeCache struct {
	mu      sync.Mutex
	entries map[int]cachedStore
}

type cachedStore struct {
	store   *ent.Store
	gen     uint64
	expires time.Time
}

const maxCachedStores = 10_000

func (c *storeCache) get(id int, gen uint64, now time.Time) (*ent.Store, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[id]
	if !ok || e.gen != gen || now.After(e.expires) {
		return nil, false
	}
	return e.store, true
}

func (c *storeCache) put(id int, s *ent.Store, gen uint64, expires time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxCachedStores {
		c.entries = map[int]cachedStore{}
	}
	c.entries[id] = cachedStore{store: s, gen: gen, expires: expires}
}
