package outbox

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
)

// TaskPrefix starts the asynq task type of every relayed event: "event:<topic>".
const TaskPrefix = "event:"

// TaskType is the asynq task type an event of topic is relayed as.
func TaskType(topic string) string { return TaskPrefix + topic }

// Event is the payload of a relayed event's task. ID is the outbox row id: the key
// consumers de-duplicate by, since a delivery may be repeated. Sequence counts the
// changes of one aggregate (AggregateType, AggregateID): a consumer holding a higher
// sequence for the aggregate knows this event is stale.
type Event struct {
	ID            int             `json:"id"`
	Topic         string          `json:"topic"`
	TenantID      *int            `json:"tenantId,omitempty"`
	StoreID       *int            `json:"storeId,omitempty"`
	AggregateType string          `json:"aggregateType,omitempty"`
	AggregateID   int             `json:"aggregateId,omitempty"`
	Sequence      int64           `json:"sequence,omitempty"`
	OccurredAt    time.Time       `json:"occurredAt"`
	Payload       json.RawMessage `json:"payload"`
	// OriginEndpointID is the endpoint whose inbound webhook caused the change (never
	// delivered back to it); TargetEndpointID limits the event to one endpoint.
	OriginEndpointID *int `json:"originEndpointId,omitempty"`
	TargetEndpointID *int `json:"targetEndpointId,omitempty"`
	// Again: the event was enqueued again (see Requeue) and may have been handled before,
	// though its task runs for the first time.
	Again bool `json:"again,omitempty"`
}

// FirstRun reports whether ev is certainly being handled for the first time: its task's
// first run (asynq's retry count is 0, and ctx is a task's) and not enqueued again. A
// consumer may then skip looking for what an earlier run did. A task a stopping worker
// handed back to the queue runs again with its count unchanged: what it did before its
// interruption is done again (consumers are at least once).
func FirstRun(ctx context.Context, ev Event) bool {
	n, ok := asynq.GetRetryCount(ctx)
	return ok && n == 0 && !ev.Again
}

// PublicID is the id outside systems know an event by ("evt_" and the outbox id,
// zero-padded so that ids sort as the events were written).
func PublicID(id int) string { return fmt.Sprintf("evt_%016d", id) }

// DecodeEvent reads a relayed event from a task payload.
func DecodeEvent(taskType string, data []byte) (Event, error) {
	var e Event
	if err := json.Unmarshal(data, &e); err != nil {
		return e, fmt.Errorf("outbox event: %w", err)
	}
	if e.ID == 0 || TaskType(e.Topic) != taskType {
		return e, fmt.Errorf("outbox event: task %q carries event %d of topic %q", taskType, e.ID, e.Topic)
	}
	return e, nil
}
