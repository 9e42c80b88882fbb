package middleware

import (
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ratelimit"
)

// NewRateLimiter limits requests per key with l (see package ratelimit: buckets in the
// instance's memory, reconciled with the other instances' through Redis when they share
// one). key picks the bucket (API key, user, client IP...); an empty key leaves the
// request unlimited.
//
// Over the limit the answer is 429 with Retry-After and a RATE_LIMITED error; every
// limited answer says X-RateLimit-Remaining. A Redis outage never refuses a request:
// the limiter goes on with the instance's own buckets, and logs a warning.
func NewRateLimiter(l *ratelimit.Limiter, limit ratelimit.Limit, key func(*http.Request) string) func(http.Handler) http.Handler {
	return NewRateLimiterFor(l, func(r *http.Request) (string, ratelimit.Limit) { return key(r), limit })
}

// NewRateLimiterFor is NewRateLimiter with a limit of each request's own (an API key's
// tenant's plan), chosen with its key.
func NewRateLimiterFor(l *ratelimit.Limiter, limitFor func(*http.Request) (string, ratelimit.Limit)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			k, limit := limitFor(r)
			if k == "" {
				next.ServeHTTP(w, r)
				return
			}
			res := l.Allow(k, limit)
			w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(res.Remaining))
			if !res.Allowed {
				secs := ratelimit.RetryAfterSeconds(res.RetryAfter)
				w.Header().Set("Retry-After", strconv.Itoa(secs))
				WriteError(w, r, http.StatusTooManyRequests, apperr.RateLimited, "rate limit exceeded",
					map[string]any{"retryAfter": secs})
				return
			}
			next.ServeHTTP(w, r)
		})
	}
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
