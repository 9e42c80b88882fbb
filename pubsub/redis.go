package pubsub

import (
	"context"
	"fmt"
	"sync"

	"github.com/redis/go-redis/v9"
)

// Redis is the bus of instances sharing a Redis. Redis keeps nothing: a subscriber
// disconnected when a message is published never gets it; go-redis subscribes again by
// itself after a lost connection, and the subscription then delivers a Gap.
type Redis struct{ rdb *redis.Client }

// NewRedis returns the bus over rdb.
func NewRedis(rdb *redis.Client) *Redis { return &Redis{rdb: rdb} }

// Publish sends payload to channel's subscribers on every instance.
func (b *Redis) Publish(ctx context.Context, channel string, payload []byte) error {
	if err := b.rdb.Publish(ctx, channel, payload).Err(); err != nil {
		return fmt.Errorf("pubsub: publish to %s: %w", channel, err)
	}
	return nil
}

// Subscribe listens on channel; it returns once Redis confirmed the subscription.
func (b *Redis) Subscribe(ctx context.Context, channel string) (Subscription, error) {
	ps := b.rdb.Subscribe(ctx, channel)
	if _, err := ps.Receive(ctx); err != nil {
		_ = ps.Close()
		return nil, fmt.Errorf("pubsub: subscribe to %s: %w", channel, err)
	}
	s := &redisSub{ps: ps, out: make(chan Message, bufferSize), done: make(chan struct{})}
	go s.run()
	return s, nil
}

type redisSub struct {
	ps   *redis.PubSub
	out  chan Message
	done chan struct{}
	once sync.Once
}

func (s *redisSub) run() {
	defer close(s.out)
	for m := range s.ps.ChannelWithSubscriptions() {
		var msg Message
		switch m := m.(type) {
		case *redis.Message:
			msg = Message{Payload: []byte(m.Payload)}
		case *redis.Subscription: // subscribed again after a reconnect
			if m.Kind != "subscribe" {
				continue
			}
			msg = Message{Gap: true}
		default:
			continue
		}
		select {
		case s.out <- msg:
		case <-s.done:
			return
		}
	}
}

func (s *redisSub) Messages() <-chan Message { return s.out }

func (s *redisSub) Close() error {
	var err error
	s.once.Do(func() {
		close(s.done)
		err = s.ps.Close()
	})
	return err
}
