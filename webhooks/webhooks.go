// Package webhooks delivers a tenant's events to its integration endpoints as outbound
// webhooks by the Standard Webhooks specification (see package stdwebhook), so that a
// receiver verifies them with an off-the-shelf library. Each event is fanned out to the
// endpoints that subscribe to it: the first attempt is made at once by the worker that
// handles the event, each retry is a queued task; each attempt is a WebhookDelivery row;
// failures are retried on a schedule, then the delivery is dead, and an endpoint whose
// deliveries keep dying is disabled.
package webhooks

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/eventmetrics"
)

// Task types of the delivery worker.
const (
	// TaskDeliver runs one attempt (payload: Attempt).
	TaskDeliver = "webhook:deliver"
	// TaskPrune deletes the attempts older than Config.Retention.
	TaskPrune = "webhook:prune"
)

// PingType is the type of the message pingIntegrationEndpoint sends.
const PingType = "ping"

// Config is how deliveries are made and retried.
type Config struct {
	// Schedule is the wait before each retry: attempt n+1 is made Schedule[n-1] (give or
	// take Jitter) after attempt n failed; after attempt len(Schedule)+1 the delivery
	// is dead.
	Schedule []time.Duration
	// Jitter spreads each wait by up to this fraction either way, so that the retries
	// of a receiver's outage do not all arrive in the same second.
	Jitter float64
	// Timeout bounds one attempt, from connecting to reading the answer.
	Timeout time.Duration
	// DeadStreak is how many deliveries in a row may die before the endpoint is disabled.
	DeadStreak int
	// Retention is how long attempts are kept.
	Retention time.Duration
	// PerEndpoint bounds the requests one process has under way to one endpoint; the
	// deliveries beyond it wait in the queue (see inflight).
	PerEndpoint int
}

// DefaultConfig: 12 attempts over about 23 hours (waits doubling from 40 s), 10 s per
// attempt, an endpoint disabled after 5 dead deliveries in a row, attempts kept 30 days,
// 16 requests at once per endpoint and process.
func DefaultConfig() Config {
	return Config{
		Schedule: Doubling(40*time.Second, 11), Jitter: 0.2, Timeout: 10 * time.Second,
		DeadStreak: 5, Retention: 30 * 24 * time.Hour, PerEndpoint: 16,
	}
}

// perEndpoint is PerEndpoint, at least 1.
func (c Config) perEndpoint() int { return max(1, c.PerEndpoint) }

// Doubling is n waits, the first first, each twice the one before.
func Doubling(first time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = first << i
	}
	return out
}

// UserAgent is sent with every delivery.
const UserAgent = "CityOS-Webhooks/1"

// Service delivers webhooks.
type Service struct {
	Client *ent.Client
	// HTTP makes the requests. It is where the outbound policy lives: in production a
	// client whose dialer refuses private, loopback and metadata addresses (checked on
	// the address actually dialled, so at every delivery, not only when the URL was saved).
	HTTP *http.Client
	// Queue receives the delivery tasks; QueueOptions are added to each (tests pass
	// their own asynq.Queue).
	Queue        *asynq.Client
	QueueOptions []asynq.Option
	Config       Config
	Logger       *slog.Logger
	// Metrics counts attempts by status, retries and dead deliveries (nil: none).
	Metrics *eventmetrics.Metrics
	// Now and Rand are the clock and the jitter's source (tests fix them).
	Now  func() time.Time
	Rand func() float64

	process *processState // see state
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

// Configured is DefaultConfig with the settings of over that are set (the zero ones keep
// their default; Jitter is always the default's).
func Configured(over Config) Config {
	c := DefaultConfig()
	if len(over.Schedule) > 0 {
		c.Schedule = over.Schedule
	}
	if over.Timeout > 0 {
		c.Timeout = over.Timeout
	}
	if over.DeadStreak > 0 {
		c.DeadStreak = over.DeadStreak
	}
	if over.Retention > 0 {
		c.Retention = over.Retention
	}
	if over.PerEndpoint > 0 {
		c.PerEndpoint = over.PerEndpoint
	}
	return c
}
