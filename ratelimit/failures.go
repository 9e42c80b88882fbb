package ratelimit

import (
	"context"
	"time"

	"github.com/go-redis/redis_rate/v10"
)

// failureTimeout bounds a Redis call of Failures: a slow Redis is treated as a down one.
const failureTimeout = 250 * time.Millisecond

// Failures counts failures per key (failed sign-ins per client address) and tells when a
// key has failed too often, so that the work that fails (a credential lookup) is not done
// again for it until its bucket drains.
//
// It is stricter than Limiter, for it guards against guessing. With a shared Redis every
// failure is counted there at once (GCRA, exact across instances): failures are rare, and
// each already cost a lookup. Blocked, asked on every request with credentials, is
// answered from memory when it can be: a key this instance saw out of failures stays
// blocked until its bucket has drained one (failures elsewhere can only delay that); a key
// with no failure this instance knows of is not asked about; only a key with failures in
// flight is read from Redis. So an address failing on several instances gets at most one lookup more per
// instance — its first failure there — than the limit allows. Like Limiter it fails
// open: with Redis down nothing is blocked but what this instance counted itself.
type Failures struct {
	cfg     Config
	limit   Limit
	buckets *table
	redis   *redis_rate.Limiter // nil without a shared Redis
}

// NewFailures allows perMinute failures a minute per key; nil (which counts nothing)
// when perMinute ≤ 0.
func NewFailures(cfg Config, perMinute int) *Failures {
	if perMinute <= 0 {
		return nil
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	f := &Failures{cfg: cfg, limit: PerMinute(perMinute), buckets: newTable(cfg.MaxKeys)}
	if cfg.Redis != nil {
		f.redis = redis_rate.NewLimiter(cfg.Redis)
	}
	return f
}

func (f *Failures) now() int64 { return int64(f.cfg.Now().Sub(epoch)) }

// Blocked reports whether key has used up its failures, and when to try again.
func (f *Failures) Blocked(ctx context.Context, key string) (retryAfter time.Duration, blocked bool) {
	if f == nil || key == "" {
		return 0, false
	}
	now := f.now()
	s := f.buckets.shard(key)
	s.mu.Lock()
	b, known := s.buckets[key]
	var left int
	inFlight := known && b.tat > now
	if known {
		left = b.remaining(now, f.limit)
	}
	s.mu.Unlock()
	if known && left < 1 {
		return f.limit.Period / time.Duration(f.limit.Rate), true
	}
	if f.redis == nil || !inFlight {
		return 0, false
	}
	ctx, cancel := context.WithTimeout(ctx, failureTimeout)
	defer cancel()
	// A cost of 0 reads the bucket without taking from it.
	res, err := f.redis.AllowN(ctx, f.cfg.Prefix+key, f.redisLimit(), 0)
	if err != nil {
		return 0, false
	}
	f.learn(key, res)
	if res.Remaining >= 1 {
		return 0, false
	}
	return f.limit.Period / time.Duration(f.limit.Rate), true
}

// Fail counts one failure of key.
func (f *Failures) Fail(ctx context.Context, key string) {
	if f == nil || key == "" {
		return
	}
	if f.redis == nil {
		now := f.now()
		s := f.buckets.shard(key)
		s.mu.Lock()
		f.buckets.get(s, key, now).take(now, f.limit)
		s.mu.Unlock()
		return
	}
	ctx, cancel := context.WithTimeout(ctx, failureTimeout)
	defer cancel()
	if res, err := f.redis.Allow(ctx, f.cfg.Prefix+key, f.redisLimit()); err == nil {
		f.learn(key, res)
	}
}

// learn sets key's bucket to what Redis answered: its TAT is ResetAfter from now.
func (f *Failures) learn(key string, res *redis_rate.Result) {
	now := f.now()
	s := f.buckets.shard(key)
	s.mu.Lock()
	f.buckets.get(s, key, now).tat = now + int64(max(res.ResetAfter, 0))
	s.mu.Unlock()
}

func (f *Failures) redisLimit() redis_rate.Limit {
	return redis_rate.Limit{Rate: f.limit.Rate, Period: f.limit.Period, Burst: f.limit.Burst}
}
