package webhooks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
)

// Attempt is the payload of a TaskDeliver task: attempt Number of delivering an event
// to an endpoint. Run tells a replay's attempts apart from the first delivery's.
type Attempt struct {
	EventID    int    `json:"eventId"`
	EndpointID int    `json:"endpointId"`
	Number     int    `json:"attempt"`
	Run        string `json:"run,omitempty"`
	// Once: a ping, one attempt, never retried and never counted as a dead delivery.
	Once bool `json:"once,omitempty"`
}

// TaskID is the task's asynq id, "wh-<event>-<endpoint>" for the first attempt: an event
// fanned out twice (its task retried for another consumer's failure) queues one
// delivery per endpoint.
func (a Attempt) TaskID() string {
	id := fmt.Sprintf("wh-%d-%d", a.EventID, a.EndpointID)
	if a.Run != "" {
		id += "-" + a.Run
	}
	if a.Number > 1 {
		id += fmt.Sprintf("-a%d", a.Number)
	}
	return id
}

func (a Attempt) next() Attempt { a.Number++; return a }

// DecodeAttempt reads a TaskDeliver payload.
func DecodeAttempt(data []byte) (Attempt, error) {
	var a Attempt
	if err := json.Unmarshal(data, &a); err != nil || a.EventID == 0 || a.EndpointID == 0 || a.Number < 1 {
		return a, fmt.Errorf("webhook delivery task %q: not an attempt", data)
	}
	return a, nil
}

// enqueue queues attempt a to run at at (now, when zero). A task with its id already
// queued is the same attempt: it counts as queued.
func (s *Service) enqueue(ctx context.Context, a Attempt, at time.Time) error {
	_, err := s.enqueueAt(ctx, a, at)
	return err
}

// enqueueNew queues attempt a to run now, and reports whether it did: false when a task
// with its id is there already.
func (s *Service) enqueueNew(ctx context.Context, a Attempt) (bool, error) {
	return s.enqueueAt(ctx, a, time.Time{})
}

func (s *Service) enqueueAt(ctx context.Context, a Attempt, at time.Time) (bool, error) {
	payload, err := json.Marshal(a)
	if err != nil {
		return false, err
	}
	opts := append([]asynq.Option{asynq.TaskID(a.TaskID())}, s.QueueOptions...)
	if !at.IsZero() {
		opts = append(opts, asynq.ProcessAt(at))
	}
	_, err = s.Queue.EnqueueContext(ctx, asynq.NewTask(TaskDeliver, payload), opts...)
	if errors.Is(err, asynq.ErrTaskIDConflict) || errors.Is(err, asynq.ErrDuplicateTask) {
		return false, nil
	}
	return err == nil, err
}
