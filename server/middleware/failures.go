package middleware

import (
	"context"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

// FailureLimiter counts failures per key in Redis (GCRA, like NewRateLimiter) and tells
// when a key has failed too often, so that the work that fails (a credential lookup) is
// not done again for it until the bucket drains. Like the rate limiter it fails open:
// with Redis down nothing is blocked.
type FailureLimiter struct {
	limiter *redis_rate.Limiter
	limit   redis_rate.Limit
	prefix  string
}

// NewFailureLimiter allows perMinute failures a minute per key; prefix names the bucket.
// With perMinute ≤ 0 nothing is counted.
func NewFailureLimiter(rdb *redis.Client, prefix string, perMinute int) *FailureLimiter {
	if perMinute <= 0 {
		return nil
	}
	return &FailureLimiter{limiter: redis_rate.NewLimiter(rdb), limit: redis_rate.PerMinute(perMinute), prefix: prefix}
}

// Blocked reports whether key has used up its failures, and when to try again.
func (f *FailureLimiter) Blocked(ctx context.Context, key string) (retryAfter int, blocked bool) {
	if f == nil {
		return 0, false
	}
	ctx, cancel := context.WithTimeout(ctx, rateLimitTimeout)
	defer cancel()
	// A cost of 0 reads the bucket without taking from it.
	res, err := f.limiter.AllowN(ctx, f.prefix+key, f.limit, 0)
	if err != nil || res.Remaining >= 1 {
		return 0, false
	}
	return retryAfterSeconds(f.limit.Period / time.Duration(f.limit.Rate)), true
}

// Fail counts one failure of key.
func (f *FailureLimiter) Fail(ctx context.Context, key string) {
	if f == nil || key == "" {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, rateLimitTimeout)
	defer cancel()
	_, _ = f.limiter.Allow(ctx, f.prefix+key, f.limit)
}
