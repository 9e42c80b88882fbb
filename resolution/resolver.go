package resolution

import (
	"context"
	"errors"
	"strconv"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/dakkah/cityos/pubsub"
)

// Resolver finds the store for a storefront request. It is safe for concurrent use.
type Resolver struct {
	dir        Directory
	platform   string
	ttl        time.Duration
	maxEntries int
	now        func() time.Time

	cache     *cache
	flights   singleflight.Group // collapses concurrent misses for one key into one lookup
	publisher atomic.Pointer[pubsub.Bus]

	inFlight func() // tests: runs once a caller has joined (or started) its lookup's flight
}

// NewResolver returns a Resolver over dir for the given platform domain ("dakkah.com",
// or "localhost" in development). An empty or invalid platform domain disables the
// subdomain and platform-path rules. It panics if dir is nil.
func NewResolver(dir Directory, platformDomain string, opts ...Option) *Resolver {
	if dir == nil {
		panic("resolution: nil Directory")
	}
	r := &Resolver{
		dir:        dir,
		platform:   NormalizeHost(platformDomain),
		ttl:        DefaultTTL,
		maxEntries: DefaultMaxEntries,
		now:        time.Now,
	}
	if !validHostname(r.platform) {
		r.platform = ""
	}
	for _, opt := range opts {
		opt(r)
	}
	r.cache = newCache(r.maxEntries)
	return r
}

// Resolve returns the store a request is for. ok=false with a nil error means no rule
// matched. Directory errors are returned wrapped and are not cached.
func (r *Resolver) Resolve(ctx context.Context, host, path, hint string) (Match, bool, error) {
	q := newQuery(host, path, hint, r.platform)
	if r.ttl <= 0 {
		return resolve(ctx, r.dir, r.platform, q)
	}
	if m, ok, hit := r.cache.get(q, r.now()); hit {
		return m, ok, nil
	}
	return r.lookup(ctx, q)
}

// Invalidate drops every cached answer on this instance. Lookups already in flight will
// not store their (possibly stale) results.
func (r *Resolver) Invalidate() { r.cache.clear() }

type answer struct {
	match Match
	ok    bool
}

// lookup resolves a cache miss, sharing one directory round trip among concurrent
// callers for the same query. The generation is part of the flight key so that callers
// arriving after an Invalidate never join a lookup that started before it.
func (r *Resolver) lookup(ctx context.Context, q query) (Match, bool, error) {
	gen := r.cache.generation()
	key := strconv.FormatUint(gen, 10) + "/" + q.flightKey()
	ch := r.flights.DoChan(key, func() (any, error) {
		// A caller that missed the cache just as another flight ended starts a new flight:
		// the answer that flight cached is served instead of a second lookup.
		if m, ok, hit := r.cache.get(q, r.now()); hit {
			return answer{match: m, ok: ok}, nil
		}
		return r.fill(ctx, q, gen)
	})
	if r.inFlight != nil {
		r.inFlight()
	}
	select {
	case <-ctx.Done():
		return Match{}, false, ctx.Err()
	case res := <-ch:
		if res.Err != nil && res.Shared && isContextErr(res.Err) && ctx.Err() == nil {
			// The request that led the flight went away; ours has not, so try ourselves.
			a, err := r.fill(ctx, q, gen)
			return a.match, a.ok, err
		}
		if res.Err != nil {
			return Match{}, false, res.Err
		}
		a := res.Val.(answer)
		return a.match, a.ok, nil
	}
}

// fill runs the rules and caches a successful answer. The expiry counts from before the
// lookup, so an answer is never served longer than the TTL after the data was read.
func (r *Resolver) fill(ctx context.Context, q query, gen uint64) (answer, error) {
	start := r.now()
	m, ok, err := resolve(ctx, r.dir, r.platform, q)
	if err != nil {
		return answer{}, err
	}
	r.cache.put(q, gen, m, ok, start.Add(r.ttl))
	return answer{match: m, ok: ok}, nil
}

func isContextErr(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// Generation changes whenever the cache is invalidated (here or, through Listen, on any
// instance), so callers can keep derived caches in step with this one.
func (r *Resolver) Generation() uint64 { return r.cache.generation() }

// TTL is how long an answer may be served from the cache.
func (r *Resolver) TTL() time.Duration { return r.ttl }
