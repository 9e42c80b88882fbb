package server

import (
	"net/http"
	"time"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/expiring"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/viewer"
)

// planLimitTTL is how long an instance keeps a tenant's plan rate limit: a plan change
// reaches every instance's limiter within it, at one read per tenant per interval.
const planLimitTTL = 30 * time.Second

// planRateLimit limits each caller as key names it: API keys at their tenant's plan's
// rate limit (billing), everyone else — and keys of a plan that sets none — at
// perMinute (CITYOS_RATE_LIMIT).
func planRateLimit(bills *billing.Service, perMinute int, key func(*http.Request) string) func(*http.Request) (string, ratelimit.Limit) {
	limits := expiring.New[int, int](planLimitTTL, 10_000, time.Now)
	return func(r *http.Request) (string, ratelimit.Limit) {
		k, limit := key(r), perMinute
		v := viewer.FromContext(r.Context())
		if bills != nil && v.TenantID != 0 && (v.Kind == viewer.SecretKey || v.Kind == viewer.PublishableKey) {
			n, err := limits.Get(v.TenantID, func() (int, error) {
				return bills.RateLimitOf(viewer.SystemContext(r.Context(), "rate-limit"), v.TenantID)
			})
			if err == nil && n > 0 {
				limit = n
			}
		}
		return k, ratelimit.PerMinute(limit)
	}
}
