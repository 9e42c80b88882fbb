// Package workers runs the background jobs on asynq: each task type has one handler,
// and periodic jobs are enqueued by the scheduler with a task id, so two worker
// processes never run the same tick twice. Every worker process also relays the outbox
// to the queue (see outbox.Relay), and one dispatcher hands every event to the
// consumers (see dispatch.go).
package workers

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/eventmetrics"
	"github.com/dakkah/cityos/expiring"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/payouts"
	"github.com/dakkah/cityos/pubsub"
	"github.com/dakkah/cityos/recurring"
	"github.com/dakkah/cityos/syncs"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/viewer"
	"github.com/dakkah/cityos/webhooks"
)

// TaskVerifyDomains re-checks the DNS of every pending custom domain.
const TaskVerifyDomains = "domains:verify-pending"

// Queue is the asynq queue the workers serve and every task goes to (asynq's default).
const Queue = "default"

// Deps is what the handlers use.
type Deps struct {
	Client    *ent.Client
	Tenancy   *tenancy.Service
	LookupTXT tenancy.TXTLookup
	Logger    *slog.Logger
	// Redis records which event notifications were sent.
	Redis *redis.Client
	// Notifier sends emails; nil logs them.
	Notifier notification.Provider
	// KeyPrefix namespaces the Redis keys the handlers write (tests sharing a Redis).
	KeyPrefix string
	// LiveChannel is the channel of the API's subscriptions (livefeed.Publish), on Bus:
	// the API instances' (nil: pub/sub over Redis).
	LiveChannel string
	Bus         pubsub.Bus
	// Inbound applies the webhooks other systems pushed.
	Inbound *inbound.Service
	// InProcessRedis says the queue's Redis is the embedded one (no REDIS_URL).
	InProcessRedis bool
	// Webhooks delivers events to integration endpoints (nil: none are delivered).
	Webhooks *webhooks.Service
	// Metrics counts what the pipeline does; nil counts nothing.
	Metrics *eventmetrics.Metrics
	// Concurrency is how many tasks run at once (CITYOS_WORKER_CONCURRENCY; 0:
	// DefaultConcurrency).
	Concurrency int
	// QueueRetention is how long a relayed event's finished task stays in Redis (0:
	// outbox.DefaultRetention); see outbox.DefaultRetention for why it can be short.
	QueueRetention time.Duration
	// Syncs runs sync jobs; Payments are asked for orders' payment states by the
	// reconciler, which runs every ReconcileInterval (DefaultReconcileInterval when 0),
	// and Orders applies what a processor did that an order does not show.
	Syncs             *syncs.Service
	Payments          *payment.Registry
	Orders            *orders.Service
	ReconcileInterval time.Duration
	// Queue is what the reconciler enqueues with (Run sets one when nil).
	Queue *asynq.Client
	// Commissions keeps the marketplace ledger from order events; Payouts pays vendors
	// every PayoutInterval (DefaultPayoutInterval when 0). Nil: neither runs.
	Commissions    *commissions.Service
	Payouts        *payouts.Service
	PayoutInterval time.Duration
	// Holds lets go the b2b holds whose time is up (TaskExpireHolds); nil: nothing expires.
	Holds *checkout.Service
	// Billing runs tenants' billing every BillingInterval (DefaultBillingInterval when
	// 0). Nil: it does not run.
	Billing         *billing.Service
	BillingInterval time.Duration
	// Renewals places the orders of customers' subscriptions (TaskRenewSubscriptions);
	// nil: nothing renews.
	Renewals *recurring.Service

	storeNames *expiring.Map[int, string] // set by Mux for its handlers (see storeName)
}

// RelayInterval is how often each worker process polls the outbox. An event waits for
// the next poll at most: this is most of its lag to consumers. A poll that finds a full
// batch goes on at once (see outbox.Relay), so a backlog never waits for ticks; an
// idle poll is one indexed read.
const RelayInterval = 150 * time.Millisecond

func (d Deps) logger() *slog.Logger {
	if d.Logger != nil {
		return d.Logger
	}
	return slog.Default()
}

// Mux routes task types to their handlers.
func Mux(d Deps) *asynq.ServeMux {
	d.storeNames = expiring.New[int, string](storeNameTTL, 10_000, time.Now)
	mux := asynq.NewServeMux()
	mux.HandleFunc(TaskVerifyDomains, d.verifyPendingDomains)
	mux.HandleFunc(outbox.TaskPrefix, d.dispatch) // every relayed event (see dispatch)
	if d.Webhooks != nil {
		mux.HandleFunc(webhooks.TaskDeliver, d.deliverWebhook)
		mux.HandleFunc(webhooks.TaskPrune, d.pruneWebhookDeliveries)
	}
	if d.Inbound != nil {
		mux.HandleFunc(inbound.TaskApply, d.applyInbound)
		mux.HandleFunc(TaskRequeueInbound, d.requeueInbound)
	}
	mux.HandleFunc(syncs.TaskType, d.runSync)
	mux.HandleFunc(TaskReconcile, d.reconcileOnce)
	mux.HandleFunc(TaskPayouts, d.runPayouts)
	mux.HandleFunc(TaskExpireHolds, d.expireHolds)
	mux.HandleFunc(TaskBilling, d.runBilling)
	mux.HandleFunc(TaskRenewSubscriptions, d.renewSubscriptions)
	return mux
}

// verifyPendingDomains checks every pending domain once (see tenancy.VerifyDomain).
func (d Deps) verifyPendingDomains(ctx context.Context, _ *asynq.Task) error {
	ctx = viewer.SystemContext(ctx, "domain-verification")
	ids, err := d.Client.Domain.Query().Where(domain.StatusEQ(domain.StatusPending)).IDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		dom, err := d.Tenancy.VerifyDomain(ctx, id, d.LookupTXT)
		if err != nil {
			return err
		}
		d.logger().Info("domain checked", "domain", dom.Hostname, "status", dom.Status)
	}
	return nil
}

// Run processes tasks until ctx ends, schedules the periodic ones and relays the outbox
// every RelayInterval.
func Run(ctx context.Context, opt asynq.RedisConnOpt, d Deps) error {
	srv := asynq.NewServer(opt, asynq.Config{Concurrency: d.concurrency(), Logger: slogAdapter{d.logger()},
		IsFailure: isFailure, RetryDelayFunc: retryDelay,
		// asynq polls a queue it found empty again only after this (give or take half);
		// its default, a second, was most of an event's lag once the queue kept up.
		TaskCheckInterval: taskCheckInterval,
		// Retries and scheduled tasks are moved to the queue this often (default 5s):
		// a delivery waiting for a busy endpoint waits about a second, not five.
		DelayedTaskCheckInterval: time.Second})
	sched := asynq.NewScheduler(opt, &asynq.SchedulerOpts{Logger: slogAdapter{d.logger()}})
	if _, err := sched.Register("@every 10m", asynq.NewTask(TaskVerifyDomains, nil), asynq.Unique(9*time.Minute)); err != nil {
		return err
	}
	if d.Webhooks != nil {
		if _, err := sched.Register("@every 1h", asynq.NewTask(webhooks.TaskPrune, nil), asynq.Unique(50*time.Minute)); err != nil {
			return err
		}
	}
	if d.Inbound != nil {
		if _, err := sched.Register("@every 5m", asynq.NewTask(TaskRequeueInbound, nil), asynq.Unique(4*time.Minute)); err != nil {
			return err
		}
	}
	// One reconciliation per interval however many worker processes schedule it: the
	// unique lock outlives every process's tick but the next one.
	every := d.reconcileInterval()
	if _, err := sched.Register(fmt.Sprintf("@every %s", every), asynq.NewTask(TaskReconcile, nil),
		asynq.Unique(every*9/10), asynq.MaxRetry(0)); err != nil {
		return err
	}
	if d.Payouts != nil {
		every := d.payoutInterval()
		if _, err := sched.Register(fmt.Sprintf("@every %s", every), asynq.NewTask(TaskPayouts, nil),
			asynq.Unique(every*9/10), asynq.MaxRetry(3)); err != nil {
			return err
		}
	}
	if d.Holds != nil {
		if _, err := sched.Register(expireHoldsEvery, asynq.NewTask(TaskExpireHolds, nil), asynq.Unique(50*time.Second)); err != nil {
			return err
		}
	}
	if d.Billing != nil {
		every := d.billingInterval()
		if _, err := sched.Register(fmt.Sprintf("@every %s", every), asynq.NewTask(TaskBilling, nil),
			asynq.Unique(every*9/10), asynq.MaxRetry(3)); err != nil {
			return err
		}
	}
	if d.Renewals != nil {
		if _, err := sched.Register(renewEvery, asynq.NewTask(TaskRenewSubscriptions, nil), asynq.Unique(50*time.Second)); err != nil {
			return err
		}
	}
	queue := asynq.NewClient(opt)
	defer func() { _ = queue.Close() }()
	if d.Queue == nil {
		d.Queue = queue
	}
	if err := srv.Start(Mux(d)); err != nil {
		return err
	}
	if err := sched.Start(); err != nil {
		srv.Shutdown()
		return err
	}
	mode, addr := queueMode(opt, d.InProcessRedis)
	d.logger().Info("workers started", "queue", mode, "redis", addr, "concurrency", d.concurrency(), "retention", d.retention().String())
	relayOutbox(ctx, d, queue)
	sched.Shutdown()
	srv.Shutdown()
	return nil
}

// relayOutbox relays the outbox every RelayInterval until ctx ends. A plain ticker
// rather than a periodic asynq task: the relay is a cheap poll every worker process may
// run at once (task ids make concurrent relays safe), a queued tick several times a
// second would be churn in Redis, and a slow or failed run simply waits for the next
// tick instead of piling retries up behind it.
func relayOutbox(ctx context.Context, d Deps, queue *asynq.Client) {
	tick := time.NewTicker(RelayInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if n, err := d.RelayOutbox(ctx, queue); err != nil && ctx.Err() == nil {
				d.logger().Warn("outbox relay failed; retrying on the next tick", "published", n, "err", err)
			}
		}
	}
}

// taskCheckInterval is how often an idle worker process looks for tasks: one small
// Redis script per look, twenty a second.
const taskCheckInterval = 50 * time.Millisecond

// DefaultConcurrency is how many tasks a worker process runs at once. Most of a task's
// time is spent waiting (a receiver's answer, the database), so it is well above the
// number of cores; the database pool bounds what runs against PostgreSQL.
const DefaultConcurrency = 64

func (d Deps) concurrency() int {
	if d.Concurrency > 0 {
		return d.Concurrency
	}
	return DefaultConcurrency
}

func (d Deps) retention() time.Duration {
	if d.QueueRetention > 0 {
		return d.QueueRetention
	}
	return outbox.DefaultRetention
}

// RelayOutbox relays the outbox once, as each tick does: with the configured retention,
// counting what it relayed. opts are added to every task (tests pass their own queue).
func (d Deps) RelayOutbox(ctx context.Context, queue *asynq.Client, opts ...asynq.Option) (int, error) {
	opts = append([]asynq.Option{asynq.Retention(d.retention())}, opts...)
	n, err := outbox.Relay(ctx, d.Client, queue, opts...)
	d.Metrics.Relayed(n)
	return n, err
}

type slogAdapter struct{ l *slog.Logger }

func (a slogAdapter) Debug(args ...any) {}
func (a slogAdapter) Info(args ...any)  { a.l.Info("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Warn(args ...any)  { a.l.Warn("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Error(args ...any) { a.l.Error("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Fatal(args ...any) { a.l.Error("asynq fatal", "detail", fmt.Sprint(args...)) }
