package syncs

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// MaxErrors bounds a job's error list: the first few say what went wrong; a thousand
// copies of one error say nothing more.
const MaxErrors = 20

// Run runs the job with id jobID from where it stopped, in the system context. A job
// already finished is left alone (its task ran twice). An error leaves the job running
// with its cursor at the last committed page: the task's retry continues from there.
func (s *Service) Run(ctx context.Context, jobID int) error {
	ctx = viewer.SystemContext(ctx, "sync-job")
	job, err := s.Client.SyncJob.Query().Where(syncjob.ID(jobID)).WithEndpoint().Only(ctx)
	if err != nil {
		return fmt.Errorf("sync job %d: %w", jobID, err)
	}
	if job.FinishedAt != nil {
		return nil
	}
	ep := job.Edges.Endpoint
	if ep == nil {
		return s.finish(ctx, job, syncjob.StatusFailed, "the endpoint was deleted")
	}
	if job.Status == syncjob.StatusQueued {
		if job, err = s.begin(ctx, job, ep); err != nil {
			return err
		}
	}
	sc := scope{tenantID: job.TenantID, storeID: ep.StoreID}
	switch job.Kind {
	case syncjob.KindFull:
		err = s.runFull(ctx, job, ep, sc)
	case syncjob.KindIncremental:
		err = s.runIncremental(ctx, job, ep, sc)
	default:
		return s.finish(ctx, job, syncjob.StatusFailed, fmt.Sprintf("a %s job is not run by the sync worker", job.Kind))
	}
	if err != nil {
		return err
	}
	job, err = s.Client.SyncJob.Get(ctx, job.ID)
	if err != nil {
		return err
	}
	status := syncjob.StatusSucceeded
	if job.Failed > 0 {
		status = syncjob.StatusPartial
	}
	return s.finish(ctx, job, status, "")
}

// begin marks the job running and counts what it will send, so its progress reads as
// sent of total from the first page on.
func (s *Service) begin(ctx context.Context, job *ent.SyncJob, ep *ent.IntegrationEndpoint) (*ent.SyncJob, error) {
	total := 0
	if job.Kind == syncjob.KindFull {
		sc := scope{tenantID: job.TenantID, storeID: ep.StoreID}
		for _, src := range subscribed(ep.EventTypes) {
			n, err := src.count(ctx, s.Client, sc)
			if err != nil {
				return nil, fmt.Errorf("sync job %d: count %s: %w", job.ID, src.aggregate, err)
			}
			total += n
		}
	}
	return s.Client.SyncJob.UpdateOne(job).SetStatus(syncjob.StatusRunning).
		SetStartedAt(time.Now()).SetTotal(total).Save(ctx)
}

// Fail marks the job failed with err: its task gave up (every retry failed).
func (s *Service) Fail(ctx context.Context, jobID int, err error) error {
	ctx = viewer.SystemContext(ctx, "sync-job")
	job, gerr := s.Client.SyncJob.Get(ctx, jobID)
	if gerr != nil {
		return gerr
	}
	if job.FinishedAt != nil {
		return nil
	}
	return s.finish(ctx, job, syncjob.StatusFailed, err.Error())
}

func (s *Service) finish(ctx context.Context, job *ent.SyncJob, status syncjob.Status, reason string) error {
	u := s.Client.SyncJob.UpdateOne(job).SetStatus(status).SetFinishedAt(time.Now())
	if reason != "" {
		u.SetErrors(appendError(job.Errors, reason))
	}
	if job.StartedAt == nil {
		u.SetStartedAt(time.Now())
	}
	return u.Exec(ctx)
}

func appendError(errs []string, e string) []string {
	if len(errs) >= MaxErrors {
		return errs
	}
	return append(errs, e)
}

// page is one transaction of a job: the events of a page and the job's progress, so the
// cursor never runs ahead of (or behind) what was written.
type page struct {
	entity       string
	lastID       int
	sent, failed int
	total        int // added to the job's total (incremental jobs count as they go)
	errs         []string
	events       []event
}

// event is an outbox row a job writes for its endpoint alone.
type event struct {
	storeID   *int
	topic     string
	aggregate string
	id        int
	sequence  int64
	payload   map[string]any
}

func (s *Service) commit(ctx context.Context, job *ent.SyncJob, endpointID int, p page) error {
	err := txn.Run(ctx, s.Client, func(tx *ent.Tx) error {
		for i := 0; i < len(p.events); i += 100 { // bounded statements on every dialect
			batch := p.events[i:min(i+100, len(p.events))]
			creates := make([]*ent.OutboxEventCreate, len(batch))
			for j, e := range batch {
				creates[j] = tx.OutboxEvent.Create().SetTenantID(job.TenantID).SetNillableStoreID(e.storeID).
					SetTopic(e.topic).SetAggregateType(e.aggregate).SetAggregateID(e.id).
					SetSequence(e.sequence).SetPayload(e.payload).SetTargetEndpointID(endpointID)
			}
			if err := tx.OutboxEvent.CreateBulk(creates...).Exec(ctx); err != nil {
				return err
			}
		}
		u := tx.SyncJob.UpdateOneID(job.ID).SetCursorEntity(p.entity).SetCursorID(p.lastID).
			AddSent(p.sent).AddFailed(p.failed).AddTotal(p.total)
		if len(p.errs) > 0 {
			cur, err := tx.SyncJob.Get(ctx, job.ID)
			if err != nil {
				return err
			}
			errs := cur.Errors
			for _, e := range p.errs {
				errs = appendError(errs, e)
			}
			u.SetErrors(errs)
		}
		return u.Exec(ctx)
	})
	if err != nil {
		return fmt.Errorf("sync job %d: page of %s after %d: %w", job.ID, p.entity, p.lastID, err)
	}
	return nil
}

// stopped is ctx's end, checked between pages: a worker shutting down leaves the job at
// its last committed page.
func stopped(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return errors.Join(errors.New("sync job stopped; the retry resumes at the cursor"), err)
	}
	return nil
}
