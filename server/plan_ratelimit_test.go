package server_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/ent/plan"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// An API key is limited at its tenant's plan's rate (requests per minute); a key of a
// tenant on another plan, and people, keep theirs.
func TestRateLimitFollowsThePlan(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		sys := viewer.SystemContext(context.Background(), "test")
		two := 2
		_, err := f.API.App.Billing.SetPlan(sys, plan.KeyBasic, billing.PlanInput{Name: ptr("Basic"), APIRateLimit: &two})
		require.NoError(t, err)
		_, err = f.API.App.Billing.SetPlan(sys, plan.KeyPro, billing.PlanInput{Name: ptr("Pro")})
		require.NoError(t, err)
		require.NoError(t, db.Client.Tenant.UpdateOneID(f.TenantB.ID).SetSubscriptionTier("pro").Exec(sys))

		// Tests share a Redis, and key ids repeat across their databases: start A's key afresh.
		require.NoError(t, f.API.App.Redis.Del(sys, "ratelimit:key:"+testenv.ID(f.KeyA1.ID)).Err())
		const q = `{ plans { key } }`
		keyA, keyB := f.As(testenv.PublishableA), f.As(testenv.SecretB)
		for range two {
			f.API.MustDo(t, keyA, q, nil)
		}
		r := f.API.Do(t, keyA, q, nil)
		assert.Equal(t, 429, r.Status)
		testenv.RequireError(t, r, "RATE_LIMITED")
		for range 3 {
			f.API.MustDo(t, keyB, q, nil) // pro sets no limit: the platform's
			f.API.MustDo(t, f.As(testenv.TenantAdminA), q, nil)
		}
	})
}
