package ratelimit

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// DefaultSyncEvery is how often an instance reconciles its buckets with Redis: the
// tolerance of a shared limit (see Limiter) is what the other instances admit in one
// such interval.
const DefaultSyncEvery = 100 * time.Millisecond

// Config configures a Limiter or Failures.
type Config struct {
	// Redis is shared with the other instances; nil when this instance is alone (the
	// embedded mode), and then nothing leaves memory.
	Redis *redis.Client
	// Prefix namespaces the Redis keys.
	Prefix string
	// SyncEvery is how often buckets are reconciled with Redis (DefaultSyncEvery when 0).
	SyncEvery time.Duration
	// MaxKeys bounds the buckets kept in memory (DefaultMaxKeys when 0).
	MaxKeys int
	// Now replaces time.Now, for tests.
	Now func() time.Time
	// Logger is told, at most every WarnEvery, that Redis cannot be reached.
	Logger *slog.Logger
}

// WarnEvery is how often, at most, an unreachable Redis is logged.
const WarnEvery = 10 * time.Second

// sweepEvery is how many syncs pass between sweeps of the empty buckets.
const sweepEvery = 50

// Limiter limits requests per key. Every check is answered from the instance's own
// bucket of the key. With a shared Redis, every SyncEvery the instance sends Redis, in
// one pipeline, how many requests it admitted per key since the last time, and takes
// back each key's shared state (all instances' requests); it starts from that state,
// plus what it admitted meanwhile.
//
// Tolerance: an instance does not see what the others admitted since its last sync, so
// across N instances a key may be admitted its limit plus what the other N−1 admit for it
// within one interval — at most a burst each when a key is new to them all at once, and
// about rate × interval each under a steady load. What is admitted is never forgotten:
// the excess is charged to the shared bucket, and every instance refuses the key until
// it is paid back, so over longer windows the rate holds. On one instance the limit is
// exact.
//
// If Redis cannot be reached, each instance goes on with its own buckets (the limit then
// holds per instance) and a warning is logged: a Redis outage never refuses a request.
type Limiter struct {
	cfg     Config
	buckets *table
	shared  *sharedState // nil without Redis

	start     sync.Once
	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

// New returns a Limiter; its background work (sync, sweep) starts with the first
// request. Close stops it.
func New(cfg Config) *Limiter {
	if cfg.SyncEvery <= 0 {
		cfg.SyncEvery = DefaultSyncEvery
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	l := &Limiter{cfg: cfg, buckets: newTable(cfg.MaxKeys), stop: make(chan struct{}), done: make(chan struct{})}
	if cfg.Redis != nil {
		l.shared = newSharedState(cfg)
	}
	return l
}

// epoch is the origin of the buckets' clock.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func (l *Limiter) now() int64 { return int64(l.cfg.Now().Sub(epoch)) }

// Allow takes one request from key's bucket. An empty key is never limited.
func (l *Limiter) Allow(key string, limit Limit) Result {
	if key == "" || limit.Rate <= 0 {
		return Result{Allowed: true}
	}
	l.start.Do(l.run)
	now := l.now()
	s := l.buckets.shard(key)
	s.mu.Lock()
	res := l.buckets.get(s, key, now).take(now, limit)
	s.mu.Unlock()
	return res
}

// Keys is how many keys the limiter keeps buckets for.
func (l *Limiter) Keys() int { return l.buckets.len() }

// Sweep drops the buckets that are empty (the background work does it regularly).
func (l *Limiter) Sweep() { l.buckets.sweep(l.now(), l.shared != nil) }

// Sync reconciles the buckets asked since the last sync with Redis (the background work
// does it every SyncEvery). Without Redis it does nothing.
func (l *Limiter) Sync(ctx context.Context) error {
	if l.shared == nil {
		return nil
	}
	return l.shared.sync(ctx, l.buckets, l.now)
}

func (l *Limiter) run() {
	go func() {
		defer close(l.done)
		tick := time.NewTicker(l.cfg.SyncEvery)
		defer tick.Stop()
		for n := 1; ; n++ {
			select {
			case <-l.stop:
				if l.shared != nil { // what this instance admitted still counts elsewhere
					ctx, cancel := context.WithTimeout(context.Background(), l.cfg.SyncEvery*5)
					_ = l.Sync(ctx)
					cancel()
				}
				return
			case <-tick.C:
			}
			if l.shared != nil {
				ctx, cancel := context.WithTimeout(context.Background(), l.cfg.SyncEvery*5)
				if err := l.Sync(ctx); err != nil {
					l.shared.warn(err)
				}
				cancel()
			}
			if n%sweepEvery == 0 {
				l.Sweep()
			}
		}
	}()
}

// Close stops the background work, after a last sync.
func (l *Limiter) Close() {
	l.closeOnce.Do(func() {
		l.start.Do(func() { close(l.done) }) // never started: nothing to wait for, nor to start
		close(l.stop)
		<-l.done
	})
}

// Shared says whether the limiter reconciles with other instances through Redis.
func (l *Limiter) Shared() bool { return l.shared != nil }
