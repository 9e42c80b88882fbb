package recurring

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/subscription"
	"github.com/dakkah/cityos/ent/subscriptionrenewal"
)

// following is the start of sub's period after the one starting at period. Months and
// years keep the day of the month the subscription's first period started on: one
// started on the 31st renews on the last day of shorter months and on the 31st again
// after them. (time.AddDate would roll 31 January over to 3 March, and February would
// have no order.)
func (s *Service) following(ctx context.Context, sub *ent.Subscription, period time.Time) (time.Time, error) {
	months := 1
	switch sub.Interval {
	case subscription.IntervalWeek:
		return period.AddDate(0, 0, 7), nil
	case subscription.IntervalYear:
		months = 12
	}
	day := period.Day()
	if period.AddDate(0, 0, 1).Day() == 1 { // a month's last day may stand for a later one
		first, err := s.client.SubscriptionRenewal.Query().Where(subscriptionrenewal.SubscriptionID(sub.ID)).
			Order(ent.Asc(subscriptionrenewal.FieldPeriodStart)).First(sys(ctx))
		if err != nil && !ent.IsNotFound(err) {
			return time.Time{}, err
		}
		if first != nil {
			day = max(day, first.PeriodStart.In(period.Location()).Day())
		}
	}
	return addMonths(period, months, day), nil
}

// addMonths is t moved n months on, to day of that month or its last day if shorter.
func addMonths(t time.Time, n, day int) time.Time {
	y, m, _ := t.Date()
	first := time.Date(y, m+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(day, last)-1)
}
