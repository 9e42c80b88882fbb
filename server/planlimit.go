package server

import (
	"context"
	"net/http"
	"time"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/expiring"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/server/middleware"
	"github.com/dakkah/cityos/viewer"
)

// planLimitTTL is how long an instance keeps a tenant's plan rate limit: a plan change
// reaches every instance's limiter within it, at one read per tenant per interval.
const planLimitTTL = 30 * time.Second

// callerLimit is the bucket and the limit of a caller: its key (see rateKey) and, for an
// API key, its tenant's plan's rate limit (billing); everyone else — and keys of a plan
// that sets none — at perMinute (CITYOS_RATE_LIMIT).
type callerLimit func(ctx context.Context, v *viewer.Viewer, clientIP string) (string, ratelimit.Limit)

// planRateLimit is the callerLimit of the plans bills keeps.
func planRateLimit(bills *billing.Service, perMinute int) callerLimit {
	limits := expiring.New[int, int](planLimitTTL, 10_000, time.Now)
	return func(ctx context.Context, v *viewer.Viewer, clientIP string) (string, ratelimit.Limit) {
		limit := perMinute
		if bills != nil && v.TenantID != 0 && (v.Kind == viewer.SecretKey || v.Kind == viewer.PublishableKey) {
			n, err := limits.Get(v.TenantID, func() (int, error) {
				return bills.RateLimitOf(viewer.SystemContext(ctx, "rate-limit"), v.TenantID)
			})
			if err == nil && n > 0 {
				limit = n
			}
		}
		return rateKey(v, clientIP), ratelimit.PerMinute(limit)
	}
}

// ofRequest is l for an HTTP request: its viewer, from its address.
func (l callerLimit) ofRequest(trustProxy bool) func(*http.Request) (string, ratelimit.Limit) {
	return func(r *http.Request) (string, ratelimit.Limit) {
		return l(r.Context(), viewer.FromContext(r.Context()), middleware.ClientIP(r, trustProxy))
	}
}
