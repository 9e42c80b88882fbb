package resolution

import (
	"time"

	"github.com/dakkah/cityos/pubsub"
)

// Defaults: the TTL bounds staleness when an invalidation message is lost (every change
// broadcasts one, and a reconnect to Redis drops the cache too); the size bound keeps a
// flood of junk hosts from growing memory. With a thousand stores each visited less
// than once every two seconds, a 2-second TTL resolved nearly every request from the
// database.
const (
	DefaultTTL        = 30 * time.Second
	DefaultMaxEntries = 10_000
)

// Option configures a Resolver.
type Option func(*Resolver)

// WithTTL sets how long an answer is cached. Zero or less disables caching.
func WithTTL(d time.Duration) Option {
	return func(r *Resolver) { r.ttl = d }
}

// WithMaxEntries bounds the cache; the least recently used entry is evicted first.
// Values below 1 are ignored.
func WithMaxEntries(n int) Option {
	return func(r *Resolver) {
		if n > 0 {
			r.maxEntries = n
		}
	}
}

// WithClock replaces time.Now, for tests.
func WithClock(now func() time.Time) Option {
	return func(r *Resolver) {
		if now != nil {
			r.now = now
		}
	}
}

// WithBus sets the bus Broadcast publishes through. Listen sets it too if unset.
func WithBus(bus pubsub.Bus) Option {
	return func(r *Resolver) { r.publisher.Store(&bus) }
}
