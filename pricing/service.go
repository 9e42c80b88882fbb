package pricing

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/txn"
)

// Service runs the pricing operations. Every write runs in a transaction; who may do what
// is decided by the privacy policies (package access), never here.
type Service struct {
	client *ent.Client
	refs   refs
}

// Option configures a Service.
type Option func(*options)

type options struct {
	ttl time.Duration
	now func() time.Time
}

// CacheReference serves regions and shipping options to carts and checkout from memory
// for up to ttl (see RegionOf); without it they are read every time.
func CacheReference(ttl time.Duration) Option { return func(o *options) { o.ttl = ttl } }

// Clock makes the Service tell time by now (tests).
func Clock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// New returns a Service over client.
func New(client *ent.Client, opts ...Option) *Service {
	o := options{now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	return &Service{client: client, refs: newRefs(o.ttl, o.now)}
}

// change runs one write in a transaction (see txn.Write).
func change[T interface{ Unwrap() T }](ctx context.Context, s *Service, write func(tx *ent.Tx) (T, error)) (T, error) {
	return txn.Write(ctx, s.client, write)
}
