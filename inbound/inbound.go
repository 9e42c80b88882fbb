// Package inbound receives the webhooks other systems push to an integration endpoint
// (POST /webhooks/in/{endpointId}) and applies the changes they carry. A request is
// verified by the Standard Webhooks signature with the endpoint's secret(s), recorded as
// an InboundWebhook, answered at once, and applied later by a worker exactly once: the
// record turns from accepted to applied in the transaction of the change itself.
package inbound

import (
	"context"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
)

// TaskApply is the asynq task that applies one accepted webhook; its task id is
// "inbound-<id>", so a webhook is queued at most once at a time.
const TaskApply = "inbound:apply"

// MaxBody is the largest body an endpoint accepts; the HTTP handler answers 413 beyond.
const MaxBody = 256 << 10

// RejectedPerMinute bounds how many rejected requests of one endpoint (or provider) are
// recorded per minute: anyone can send garbage to a public URL, and each rejection
// would otherwise be a row. Beyond it, rejections are only logged by the caller.
const RejectedPerMinute = 30

// Queue is where accepted webhooks go to be applied (an asynq.Client).
type Queue interface {
	EnqueueContext(ctx context.Context, task *asynq.Task, opts ...asynq.Option) (*asynq.TaskInfo, error)
}

// Service receives and applies inbound webhooks.
type Service struct {
	client *ent.Client
	queue  Queue
	// QueueName is the asynq queue tasks go to ("" is asynq's default); tests sharing a
	// Redis set their own.
	QueueName string
	// PlatformDomain is passed to the store writes (tenancy validates subdomains by it).
	PlatformDomain string
	// OnStoreChange is told after a store.update committed (store resolution caches).
	OnStoreChange func(ctx context.Context)
	// Now is the clock (tests move it).
	Now func() time.Time
}

// New returns a Service recording in client and queueing to queue.
func New(client *ent.Client, queue Queue) *Service {
	return &Service{client: client, queue: queue, Now: time.Now}
}
