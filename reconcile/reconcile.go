// Package reconcile finds and repairs drift the platform's own steps should never leave
// but a crash, a lost Redis or a manual fix in the database can: events Redis lost,
// webhook retries and sync jobs without a task, stores without a sales channel, domains of deleted stores,
// stock still held for orders that no longer need it, and orders whose payment state
// disagrees with the processor. Each run records, per tenant where it found something,
// a SyncJob of kind reconcile whose report says what it found and fixed.
package reconcile

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/syncs"
	"github.com/dakkah/cityos/viewer"
	"github.com/dakkah/cityos/webhooks"
)

// Reconciler runs the repairs.
type Reconciler struct {
	Client *ent.Client
	// Queue and Redis are the queue's: events and sync jobs are enqueued again through
	// Queue, and Redis keeps the marker that tells a lost Redis (see outbox).
	Queue *asynq.Client
	Redis redis.UniversalClient
	// KeyPrefix namespaces the marker (tests sharing a Redis).
	KeyPrefix string
	// EventQueue is the asynq queue events are relayed to ("default", the relay's, when
	// empty; tests use their own).
	EventQueue string
	// Syncs re-enqueues sync jobs whose task is gone; nil skips that step.
	Syncs *syncs.Service
	// Webhooks queues again the webhook retries whose task is gone; nil skips that step.
	Webhooks *webhooks.Service
	// Payments are the providers asked for orders' payment states; nil skips that check.
	// Orders applies what a provider did that an order does not show (nil: reported only).
	Payments *payment.Registry
	Orders   *orders.Service
	// StuckAfter is how old an unpublished event is before the run reports it as stuck
	// (the relay publishes events within a second or two); Window is how far back a lost
	// Redis is made good (events published since are enqueued again).
	StuckAfter, Window time.Duration
}

// Defaults for a Reconciler's thresholds.
const (
	DefaultStuckAfter = time.Minute
	DefaultWindow     = outbox.DefaultRetention
	// PaymentLookback bounds the orders whose payment is compared with the processor:
	// one processor call per open order, so only recent ones.
	PaymentLookback = 7 * 24 * time.Hour
)

// ReportIDs bounds the ids a report lists per repair (its count says how many there were).
const ReportIDs = 100

// findings are what a run found in one tenant, by repair: the ids it fixed, and the ids
// it found but left to people (FoundNotFixed).
type findings map[string][]int

// FoundNotFixed prefixes the repairs a run reports without making them.
const FoundNotFixed = "found_not_fixed."

// Result is what one run did: its jobs (one per tenant with findings) and the events it
// enqueued again, including those of no tenant.
type Result struct {
	Jobs            []*ent.SyncJob
	StuckEvents     int
	RequeuedEvents  int
	RequeuedSyncs   int
	RequeuedRetries int
	RedisWasEmptied bool
}

// Run reconciles once, in the system context.
func (r *Reconciler) Run(ctx context.Context) (Result, error) {
	ctx = viewer.SystemContext(ctx, "reconcile")
	started := time.Now()
	var res Result
	byTenant := map[int]findings{}
	add := func(tenantID int, repair string, id int) {
		if byTenant[tenantID] == nil {
			byTenant[tenantID] = findings{}
		}
		byTenant[tenantID][repair] = append(byTenant[tenantID][repair], id)
	}
	steps := []struct {
		name string
		run  func(context.Context, func(tenantID int, repair string, id int), *Result) error
	}{
		{"outbox", r.outbox},
		{"sales channels", r.salesChannels},
		{"domains", r.orphanDomains},
		{"reservations", r.reservations},
		{"payments", r.payments},
		{"webhook retries", r.webhookRetries},
	}
	for _, s := range steps {
		if err := s.run(ctx, add, &res); err != nil {
			return res, fmt.Errorf("reconcile: %s: %w", s.name, err)
		}
	}
	if r.Syncs != nil {
		n, err := r.Syncs.Requeue(ctx)
		if err != nil {
			return res, fmt.Errorf("reconcile: sync jobs: %w", err)
		}
		res.RequeuedSyncs = n
	}
	jobs, err := r.record(ctx, started, byTenant)
	res.Jobs = jobs
	return res, err
}

// record writes one reconcile job per tenant with findings. A run that finds nothing in
// a tenant writes nothing there: a job per tenant every few minutes would bury the runs
// that did something (the worker logs every run's totals).
func (r *Reconciler) record(ctx context.Context, started time.Time, byTenant map[int]findings) ([]*ent.SyncJob, error) {
	tenants := make([]int, 0, len(byTenant))
	for t := range byTenant {
		if t != 0 {
			tenants = append(tenants, t)
		}
	}
	sort.Ints(tenants)
	var jobs []*ent.SyncJob
	for _, t := range tenants {
		f := byTenant[t]
		report := map[string]any{}
		total, fixed := 0, 0
		for repair, ids := range f {
			sort.Ints(ids)
			report[repair] = map[string]any{"count": len(ids), "ids": ids[:min(len(ids), ReportIDs)]}
			total += len(ids)
			if !isFoundNotFixed(repair) {
				fixed += len(ids)
			}
		}
		status := syncjob.StatusSucceeded
		if fixed < total {
			status = syncjob.StatusPartial // something needs a person
		}
		job, err := r.Client.SyncJob.Create().SetTenantID(t).SetKind(syncjob.KindReconcile).
			SetStatus(status).SetTotal(total).SetFixed(fixed).SetFailed(total - fixed).
			SetReport(report).SetStartedAt(started).SetFinishedAt(time.Now()).Save(ctx)
		if err != nil {
			return jobs, fmt.Errorf("reconcile: record tenant %d: %w", t, err)
		}
		jobs = append(jobs, job)
	}
	return jobs, nil
}

func isFoundNotFixed(repair string) bool {
	return len(repair) > len(FoundNotFixed) && repair[:len(FoundNotFixed)] == FoundNotFixed
}

func (r *Reconciler) eventQueue() string {
	if r.EventQueue != "" {
		return r.EventQueue
	}
	return "default"
}

func (r *Reconciler) stuckAfter() time.Duration {
	if r.StuckAfter > 0 {
		return r.StuckAfter
	}
	return DefaultStuckAfter
}

func (r *Reconciler) window() time.Duration {
	if r.Window > 0 {
		return r.Window
	}
	return DefaultWindow
}
