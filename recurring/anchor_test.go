package recurring_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/testenv"
)

// A monthly subscription started on the 31st renews on the last day of shorter months
// and on the 31st again after them: one order a month, none skipped.
func TestMonthlyRenewalKeepsItsDay(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFixture(t, db)
		first := time.Date(2027, 1, 31, 9, 0, 0, 0, time.UTC)
		f.subscribe(t, map[string]any{"startAt": first.Format(time.RFC3339)})
		want := []time.Time{
			time.Date(2027, 2, 28, 9, 0, 0, 0, time.UTC),
			time.Date(2027, 3, 31, 9, 0, 0, 0, time.UTC),
			time.Date(2027, 4, 30, 9, 0, 0, 0, time.UTC),
			time.Date(2027, 5, 31, 9, 0, 0, 0, time.UTC),
		}
		at := first
		for i, next := range want {
			f.clock.Set(at)
			f.renew(t)
			assert.Len(t, f.orders(t), i+1, "the period starting %s", at.Format(time.DateOnly))
			assert.Equal(t, next, f.subscription(t).NextRenewalAt.UTC(), "after the period starting %s", at.Format(time.DateOnly))
			at = next
		}
	})
}
