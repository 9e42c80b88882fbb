// Package ratelimit limits how often a key (an API key, a user, a client address) may do
// something, with GCRA buckets held in the instance's memory: a check costs a map lookup,
// never a round trip. Where several instances share a Redis, each reconciles its buckets
// with Redis in the background (see Limiter), so a limit holds across them within a
// stated tolerance; with one instance nothing is shared and the limit is exact.
package ratelimit

import (
	"math"
	"time"
)

// Limit is Rate requests per Period, with bursts of up to Burst.
type Limit struct {
	Rate   int
	Period time.Duration
	Burst  int
}

// PerMinute is n requests a minute, all of which may come at once.
func PerMinute(n int) Limit { return Limit{Rate: n, Period: time.Minute, Burst: n} }

// interval is what one request adds to a bucket (GCRA's emission interval), in
// nanoseconds, never 0.
func (l Limit) interval() int64 {
	if l.Rate <= 0 {
		return int64(l.Period)
	}
	return max(int64(l.Period)/int64(l.Rate), 1)
}

// Result is the answer to one request.
type Result struct {
	Allowed bool
	// Remaining is how many more requests would be allowed now.
	Remaining int
	// RetryAfter is, for a refused request, when the next one would be allowed.
	RetryAfter time.Duration
}

// bucket is one key's GCRA state: tat, the theoretical arrival time, is when the bucket
// is empty again (nanoseconds on the limiter's clock). The other fields belong to the
// reconciliation with Redis.
type bucket struct {
	tat      int64
	interval int64 // of the key's limit at its last request
	admitted int64 // requests admitted since the last push to Redis
	asked    bool  // requested (admitted or not) since the last sync
}

// take applies GCRA at now: a request is allowed if the bucket, with it, holds no more
// than the burst. A refused request takes nothing.
func (b *bucket) take(now int64, l Limit) Result {
	interval := l.interval()
	b.interval, b.asked = interval, true
	newTAT := max(b.tat, now) + interval
	diff := now - (newTAT - int64(l.Burst)*interval)
	if diff < 0 {
		return Result{RetryAfter: time.Duration(-diff)}
	}
	b.tat = newTAT
	b.admitted++
	return Result{Allowed: true, Remaining: int(diff / interval)}
}

// remaining is how many requests the bucket would allow at now, without taking one.
func (b *bucket) remaining(now int64, l Limit) int {
	interval := l.interval()
	return int((now - (max(b.tat, now) - int64(l.Burst)*interval)) / interval)
}

// RetryAfterSeconds is d in whole seconds for Retry-After: rounded up, and never 0
// ("retry now" would invite an immediate second refusal).
func RetryAfterSeconds(d time.Duration) int {
	s := int(math.Ceil(d.Seconds()))
	if s < 1 {
		s = 1
	}
	return s
}
