package ratelimit

import (
	"context"
	"sync"
	"time"
)

// Known remembers keys for a while: the addresses an account signed in from, so that a
// block of the account by failures from elsewhere does not lock its owner out (the
// "device cookie" of OWASP's guidance, by address, for API clients that keep none).
// With a shared Redis a key is remembered there for every instance; alone, in memory.
// Asked while Redis cannot answer, it knows nothing: a block then holds for everyone.
type Known struct {
	cfg Config
	ttl time.Duration

	mu   sync.Mutex
	seen map[string]time.Time // key → when it is forgotten (memory only)
}

// NewKnown returns a Known keeping keys for ttl.
func NewKnown(cfg Config, ttl time.Duration) *Known {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxKeys <= 0 {
		cfg.MaxKeys = DefaultMaxKeys
	}
	return &Known{cfg: cfg, ttl: ttl, seen: map[string]time.Time{}}
}

// Remember keeps key for the TTL from now.
func (k *Known) Remember(ctx context.Context, key string) {
	if k == nil || key == "" {
		return
	}
	if k.cfg.Redis != nil {
		ctx, cancel := context.WithTimeout(ctx, failureTimeout)
		defer cancel()
		_ = k.cfg.Redis.Set(ctx, k.cfg.Prefix+key, 1, k.ttl).Err()
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.seen) >= k.cfg.MaxKeys {
		k.seen = map[string]time.Time{} // starting over forgets owners, never admits a stranger
	}
	k.seen[key] = k.cfg.Now().Add(k.ttl)
}

// Has reports whether key was remembered within the TTL.
func (k *Known) Has(ctx context.Context, key string) bool {
	if k == nil || key == "" {
		return false
	}
	if k.cfg.Redis != nil {
		ctx, cancel := context.WithTimeout(ctx, failureTimeout)
		defer cancel()
		n, err := k.cfg.Redis.Exists(ctx, k.cfg.Prefix+key).Result()
		return err == nil && n == 1
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	until, ok := k.seen[key]
	return ok && k.cfg.Now().Before(until)
}
