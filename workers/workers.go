// Package workers runs the background jobs on asynq: each task type has one handler,
// and periodic jobs are enqueued by the scheduler with a task id, so two worker
// processes never run the same tick twice.
package workers

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
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
}

// Mux routes task types to their handlers.
func Mux(d Deps) *asynq.ServeMux {
	mux := asynq.NewServeMux()
	mux.HandleFunc(TaskVerifyDomains, d.verifyPendingDomains)
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

// Run processes tasks until ctx ends, and schedules the periodic ones.
func Run(ctx context.Context, redisAddr string, d Deps) error {
	opt := asynq.RedisClientOpt{Addr: redisAddr}
	srv := asynq.NewServer(opt, asynq.Config{Concurrency: 10, Logger: slogAdapter{d.Logger}})
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
	<-ctx.Done()
	sched.Shutdown()
	srv.Shutdown()
	return nil
}

type slogAdapter struct{ l *slog.Logger }

func (a slogAdapter) Debug(args ...any) {}
func (a slogAdapter) Info(args ...any)  { a.l.Info("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Warn(args ...any)  { a.l.Warn("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Error(args ...any) { a.l.Error("asynq", "detail", fmt.Sprint(args...)) }
func (a slogAdapter) Fatal(args ...any) { a.l.Error("asynq fatal", "detail", fmt.Sprint(args...)) }
