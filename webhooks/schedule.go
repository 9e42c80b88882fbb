package webhooks

import (
	"math/rand/v2"
	"time"
)

// attempts is how many attempts a delivery gets.
func (c Config) attempts() int { return len(c.Schedule) + 1 }

// retryAt is when the attempt after attempt n (which failed at now) is made.
func (s *Service) retryAt(n int, now time.Time) time.Time {
	wait := s.Config.Schedule[n-1]
	r := rand.Float64
	if s.Rand != nil {
		r = s.Rand
	}
	spread := s.Config.Jitter * (2*r() - 1) // in [-Jitter, +Jitter)
	return now.Add(wait + time.Duration(spread*float64(wait)))
}
