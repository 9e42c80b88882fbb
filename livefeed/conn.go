package livefeed

import (
	"context"
	"sync"

	"github.com/dakkah/cityos/apperr"
)

// DefaultMaxPerConnection is how many subscriptions one WebSocket connection may hold
// unless configured otherwise: a dashboard needs a few; each one costs the instance a
// goroutine and a buffer.
const DefaultMaxPerConnection = 20

type slotsKey struct{}

type slots struct {
	mu        sync.Mutex
	used, max int
}

// WithConnectionLimit marks ctx as one connection's, which may hold at most max
// subscriptions at once.
func WithConnectionLimit(ctx context.Context, max int) context.Context {
	if max <= 0 {
		max = DefaultMaxPerConnection
	}
	return context.WithValue(ctx, slotsKey{}, &slots{max: max})
}

// acquire takes one of the connection's slots; release gives it back.
func acquire(ctx context.Context) (release func(), err error) {
	s, _ := ctx.Value(slotsKey{}).(*slots)
	if s == nil {
		return func() {}, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.used >= s.max {
		return nil, apperr.New(apperr.RateLimited, "at most %d subscriptions per connection", s.max)
	}
	s.used++
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			s.used--
			s.mu.Unlock()
		})
	}, nil
}
