package middleware

import (
	"context"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

const (
	// A rate-limit check must not add more than this to a request: a slow Redis
	// is treated like a down one.
	rateLimitTimeout = 250 * time.Millisecond
	// While Redis is down every request would warn; one line per interval is enough.
	rateLimitWarnEvery = 10 * time.Second
)

// NewRateLimiter limits requests per key with GCRA in Redis, so the limit
// holds across all instances of the server. key picks the bucket (API key,
// user, client IP...); an empty key leaves the request unlimited.
//
// Over the limit the answer is 429 with Retry-After and a RATE_LIMITED error.
// If Redis fails, requests pass (fail open) and a warning is logged: the
// limiter protects capacity, and an outage of it must not become an outage of
// the whole API.
func NewRateLimiter(rdb *redis.Client, limit redis_rate.Limit, key func(*http.Request) string) func(http.Handler) http.Handler {
	return NewRateLimiterFor(rdb, func(r *http.Request) (string, redis_rate.Limit) { return key(r), limit })
}

// NewRateLimiterFor is NewRateLimiter with a limit of each request's own (an API key's
// tenant's plan), chosen with its key.
func NewRateLimiterFor(rdb *redis.Client, limitFor func(*http.Request) (string, redis_rate.Limit)) func(http.Handler) http.Handler {
	limiter := redis_rate.NewLimiter(rdb)
	var lastWarn atomic.Int64
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			k, limit := limitFor(r)
			if k == "" {
				next.ServeHTTP(w, r)
				return
			}
			ctx, cancel := context.WithTimeout(r.Context(), rateLimitTimeout)
			res, err := limiter.Allow(ctx, k, limit)
			cancel()
			if err != nil {
				now := time.Now().UnixNano()
				last := lastWarn.Load()
				if now-last >= int64(rateLimitWarnEvery) && lastWarn.CompareAndSwap(last, now) {
					Logger(r.Context()).Warn("rate limiter unavailable, letting requests through", "error", err)
				}
				next.ServeHTTP(w, r)
				return
			}
			w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(res.Remaining))
			if res.Allowed == 0 {
				secs := retryAfterSeconds(res.RetryAfter)
				w.Header().Set("Retry-After", strconv.Itoa(secs))
				WriteError(w, r, http.StatusTooManyRequests, apperr.RateLimited, "rate limit exceeded",
					map[string]any{"retryAfter": secs})
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// retryAfterSeconds rounds up, and never says 0: "retry now" would invite an
// immediate second refusal.
func retryAfterSeconds(d time.Duration) int {
	s := int(math.Ceil(d.Seconds()))
	if s < 1 {
		s = 1
	}
	return s
}

// ClientIP returns the caller's IP. With trustProxy it takes the first
// address of X-Forwarded-For, which is right only when the proxy in front
// sets that header itself; otherwise a client can name any IP it likes.
// Without trustProxy, or without a usable header, it is RemoteAddr's host.
func ClientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			first, _, _ := strings.Cut(xff, ",")
			first = strings.TrimSpace(first)
			if ip := net.ParseIP(first); ip != nil {
				return ip.String()
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
