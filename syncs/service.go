// Package syncs runs sync jobs: a full push of a tenant's current state to an
// integration endpoint as "<aggregate>.snapshot" events, or an incremental re-send of its
// events since a time. Each page of work commits its events together with the job's
// counts and cursor, so progress is readable while the job runs and a worker killed
// mid-job resumes after the last page it committed: the task is retried, reads the
// cursor and goes on, and no row is sent twice.
package syncs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// TaskType is the asynq task that runs a sync job; its payload names the job.
const TaskType = "sync:run"

// PageSize is how many rows (or events) a job sends per transaction by default.
const PageSize = 500

// MaxRetry is how often a failed run of a job is retried before the job fails.
const MaxRetry = 10

// TaskID is the asynq task id of the job with id: one task per job, whoever enqueues it.
func TaskID(jobID int) string { return "sync-" + strconv.Itoa(jobID) }

// Service starts and runs sync jobs.
type Service struct {
	Client *ent.Client
	// Queue enqueues the jobs' tasks; Options are added to every task (tests pass their
	// own asynq.Queue).
	Queue   *asynq.Client
	Options []asynq.Option
	// PageSize is rows per transaction (PageSize when zero).
	PageSize int
}

// New returns a Service enqueueing with queue.
func New(client *ent.Client, queue *asynq.Client, opts ...asynq.Option) *Service {
	return &Service{Client: client, Queue: queue, Options: opts}
}

func (s *Service) pageSize() int {
	if s.PageSize > 0 {
		return s.PageSize
	}
	return PageSize
}

// Start queues a sync of the endpoint with id endpointID, as the viewer of ctx: the
// endpoint must be one the viewer sees (NOT_FOUND otherwise), and the job's creation is
// refused by its policy unless the viewer administers the endpoint's tenant. since
// applies to incremental syncs only. At most MaxUnfinished syncs of an endpoint are
// queued or running at once (CONFLICT beyond).
func (s *Service) Start(ctx context.Context, endpointID int, kind syncjob.Kind, since *time.Time) (*ent.SyncJob, error) {
	switch kind {
	case syncjob.KindFull, syncjob.KindIncremental:
	default:
		return nil, apperr.Invalid("kind", "a sync of an endpoint is full or incremental; reconciliation is the platform's own")
	}
	if since != nil && kind != syncjob.KindIncremental {
		return nil, apperr.Invalid("since", "since applies to incremental syncs only")
	}
	ep, err := s.Client.IntegrationEndpoint.Get(ctx, endpointID)
	if ent.IsNotFound(err) {
		return nil, &apperr.Error{Code: apperr.NotFound, Field: "endpointId", Message: "no such integration endpoint"}
	}
	if err != nil {
		return nil, err
	}
	if ep.VendorID != nil {
		// A sync copies the tenant's rows; a vendor's endpoint hears its vendor's alone.
		return nil, &apperr.Error{Code: apperr.BadUserInput, Field: "endpointId",
			Message: "a vendor's endpoint is not synced: it hears only its vendor's events as they happen"}
	}
	if !ep.Enabled {
		return nil, &apperr.Error{Code: apperr.Conflict, Field: "endpointId",
			Message: "the endpoint is disabled: enable it before syncing it, or nothing would be delivered"}
	}
	// Each full sync copies every subscribed row into the outbox: a tenant may not pile
	// them up, which would load the workers every tenant shares. The endpoint's row is
	// locked while its syncs are counted and the new one written, so concurrent starts
	// cannot all see room for one more.
	job, err := txn.Write(ctx, s.Client, func(tx *ent.Tx) (*ent.SyncJob, error) {
		if _, err := tx.IntegrationEndpoint.Query().Where(integrationendpoint.ID(ep.ID), txn.LockedOnPostgres).Only(ctx); err != nil {
			return nil, err
		}
		unfinished, err := tx.SyncJob.Query().Where(syncjob.EndpointID(ep.ID),
			syncjob.StatusIn(syncjob.StatusQueued, syncjob.StatusRunning)).Count(ctx)
		if err != nil {
			return nil, err
		}
		if unfinished >= MaxUnfinished {
			return nil, &apperr.Error{Code: apperr.Conflict, Field: "endpointId",
				Message: fmt.Sprintf("the endpoint has %d syncs queued or running: wait for one to finish", unfinished)}
		}
		return tx.SyncJob.Create().SetTenantID(ep.TenantID).SetEndpointID(ep.ID).
			SetNillableStoreID(ep.StoreID).SetKind(kind).SetNillableSince(since).Save(ctx)
	})
	if err != nil {
		return nil, err
	}
	// The job is committed before its task exists: if this enqueue fails, the reconciler
	// finds the queued job without a task and enqueues it (see Requeue).
	if err := s.Enqueue(ctx, job.ID); err != nil {
		return nil, err
	}
	return job, nil
}

// MaxUnfinished is how many syncs of one endpoint may be queued or running at once.
const MaxUnfinished = 3

type taskPayload struct {
	JobID int `json:"jobId"`
}

// Enqueue queues the task of the job with id jobID. A task already there (the same job
// enqueued twice) is not an error.
func (s *Service) Enqueue(ctx context.Context, jobID int) error {
	body, _ := json.Marshal(taskPayload{JobID: jobID})
	opts := append([]asynq.Option{asynq.TaskID(TaskID(jobID)), asynq.MaxRetry(MaxRetry)}, s.Options...)
	_, err := s.Queue.EnqueueContext(ctx, asynq.NewTask(TaskType, body), opts...)
	if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		return fmt.Errorf("sync job %d: enqueue: %w", jobID, err)
	}
	return nil
}

// JobOf is the job a task runs.
func JobOf(t *asynq.Task) (int, error) {
	var p taskPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.JobID == 0 {
		return 0, fmt.Errorf("sync task: payload %q names no job", t.Payload())
	}
	return p.JobID, nil
}

// Requeue enqueues the task of every queued or running sync job (not reconciliation)
// whose task is gone: a failed enqueue after the job was committed, or a Redis that lost
// its tasks. A job whose task is still there is left alone (the task id conflicts).
func (s *Service) Requeue(ctx context.Context) (int, error) {
	ctx = viewer.SystemContext(ctx, "sync-requeue")
	ids, err := s.Client.SyncJob.Query().Where(syncjob.StatusIn(syncjob.StatusQueued, syncjob.StatusRunning),
		syncjob.KindNEQ(syncjob.KindReconcile)).IDs(ctx)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := s.Enqueue(ctx, id); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}
