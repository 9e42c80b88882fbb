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

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/expiring"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/viewer"
)

// TaskVerifyDomains re-checks the DNS of every pending custom domain.
const TaskVerifyDomains = "domains:verify-pending"

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
	// InProcessRedis says the queue's Redis is the embedded one (no REDIS_URL).
	InProcessRedis bool

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
		d.Logger.Info("domain checked", "domain", dom.Hostname, "status", dom.Status)
	}
	return nil
}

// Run processes tasks until ctx ends, schedules the periodic ones and relays the outbox
// every RelayInterval.
func Run(ctx context.Context, opt asynq.RedisConnOpt, d Deps) error {
	srv := asynq.NewServer(opt, asynq.Config{Concurrency: 10, Logger: slogAdapter{d.logger()}})
	sched := asynq.NewScheduler(opt, &asynq.SchedulerOpts{Logger: slogAdapter{d.Logger}})
	if _, err := sched.Register("@every 10m", asynq.NewTask(TaskVerifyDomains, nil), asynq.Unique(9*time.Minute)); err != nil {
		return err
	}
	if err := srv.Start(Mux(d)); err != nil {
		return err
	}
	if err := sched.Start(); err != nil {
		srv.Shutdown()
		return err
	}
	mode, addr := queueMode(opt, d.InProcessRedis)
	d.logger().Info("workers started", "queue", mode, "redis", addr, "concurrency", 10)
	queue := asynq.NewClient(opt)
	relayOutbox(ctx, d, queue)
	_ = queue.Close()
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
			if n, err := outbox.Relay(ctx, d.Client, queue); err != nil && ctx.Err() == nil {
				d.logger().Warn("outbox relay failed; retrying on the next tick", "published", n, "err", err)
			}
		}
	}
}

type slogAdapter struct{ l *slog.Logger }

func (a slogAdapter) Debug(args ...any) {}
func (a slogAdapter) Info(args ...any)  { a.l.Info("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Warn(args ...any)  { a.l.Warn("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Error(args ...any) { a.l.Error("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Fatal(args ...any) { a.l.Error("asynq fatal", "detail", fmt.Sprint(args...)) }
