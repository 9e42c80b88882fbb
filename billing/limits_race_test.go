package billing_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/testenv"
)

// Creates racing for a plan's last place: exactly one gets it, the others are refused
// with PLAN_LIMIT. (The tenant's row is locked while its use is counted and the row
// written; SQLite writes one transaction at a time.)
func TestPlanLimitHoldsUnderConcurrentCreates(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		plans(t, f) // basic: 1 product
		ta, a := f.As(testenv.TenantAdminA), testenv.ID(f.TenantA.ID)
		const racers = 8
		var (
			wg    sync.WaitGroup
			mu    sync.Mutex
			codes = map[string]int{}
		)
		for i := range racers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := f.API.Do(t, ta, createProductQ, vars{"t": a, "h": fmt.Sprintf("racer-%d", i)})
				mu.Lock()
				defer mu.Unlock()
				codes[r.Code()]++
			}()
		}
		wg.Wait()
		assert.Equal(t, map[string]int{"": 1, "PLAN_LIMIT": racers - 1}, codes)
		assert.Equal(t, [2]int{1, 1}, usageOf(t, f, ta, f.TenantA.ID)["products"])
	})
}
