package pubsub

import (
	"context"
	"sync"
	"sync/atomic"
)

// Local is the bus of an instance alone: a publish hands the payload to the channel's
// subscriptions in memory. It never blocks on a subscriber: one that is bufferSize
// messages behind loses the next and is told with a Gap.
type Local struct {
	mu   sync.RWMutex
	subs map[string]map[*localSub]struct{}
}

// NewLocal returns an empty in-memory bus.
func NewLocal() *Local { return &Local{subs: map[string]map[*localSub]struct{}{}} }

type localSub struct {
	bus     *Local
	channel string
	out     chan Message
	lost    atomic.Bool
	once    sync.Once
}

// Publish delivers payload to every subscription of channel.
func (l *Local) Publish(ctx context.Context, channel string, payload []byte) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	for s := range l.subs[channel] {
		s.deliver(Message{Payload: payload})
	}
	return nil
}

func (s *localSub) deliver(m Message) {
	if s.lost.Load() {
		select {
		case s.out <- Message{Gap: true}:
			s.lost.Store(false)
		default:
			return
		}
	}
	select {
	case s.out <- m:
	default:
		s.lost.Store(true)
	}
}

// Subscribe listens on channel.
func (l *Local) Subscribe(ctx context.Context, channel string) (Subscription, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := &localSub{bus: l, channel: channel, out: make(chan Message, bufferSize)}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.subs[channel] == nil {
		l.subs[channel] = map[*localSub]struct{}{}
	}
	l.subs[channel][s] = struct{}{}
	return s, nil
}

func (s *localSub) Messages() <-chan Message { return s.out }

// Close ends the subscription; no publish is delivering to it once it holds the lock.
func (s *localSub) Close() error {
	s.once.Do(func() {
		s.bus.mu.Lock()
		defer s.bus.mu.Unlock()
		delete(s.bus.subs[s.channel], s)
		if len(s.bus.subs[s.channel]) == 0 {
			delete(s.bus.subs, s.channel)
		}
		close(s.out)
	})
	return nil
}
