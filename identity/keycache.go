package identity

import (
	"sync"
	"time"

	"github.com/dakkah/cityos/viewer"
)

// PublishableKeyTTL is how long an instance answers a publishable key from memory. Every
// storefront request carries one, and reading it from the database was the one statement
// of a cached catalog read. A publishable key is public (it ships in storefront code) and
// opens only what any shopper sees, so an instance that did not revoke it may honour it
// for this long after; the one that did forgets its keys at once (ForgetKeys).
const PublishableKeyTTL = 5 * time.Second

// maxCachedKeys bounds the memory: made-up keys are never cached, but a platform may have
// more real ones than this; past it the cache starts again.
const maxCachedKeys = 50_000

type cachedKey struct {
	viewer  viewer.Viewer
	expires time.Time
}

type keyCache struct {
	mu     sync.Mutex
	byHash map[string]cachedKey
}

func (c *keyCache) get(hash string, now time.Time) (*viewer.Viewer, bool) {
	c.mu.Lock()
	e, ok := c.byHash[hash]
	c.mu.Unlock()
	if !ok || now.After(e.expires) {
		return nil, false
	}
	v := e.viewer // each request gets its own copy to change
	return &v, true
}

func (c *keyCache) put(hash string, v *viewer.Viewer, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byHash == nil || len(c.byHash) >= maxCachedKeys {
		c.byHash = map[string]cachedKey{}
	}
	c.byHash[hash] = cachedKey{viewer: *v, expires: now.Add(PublishableKeyTTL)}
}

// ForgetKeys drops every publishable key this instance holds in memory: after a key is
// revoked, or a tenant or store changes status.
func (s *Service) ForgetKeys() {
	s.keys.mu.Lock()
	s.keys.byHash = nil
	s.keys.mu.Unlock()
}
