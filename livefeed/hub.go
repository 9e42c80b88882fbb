package livefeed

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/pubsub"
)

// DefaultChannel is the channel the events travel on unless configured otherwise.
const DefaultChannel = "cityos:events"

// Channel is the channel of prefix ("<prefix>events"), for deployments and tests that
// namespace what they share in Redis.
func Channel(prefix string) string { return prefix + "events" }

// bufferSize is how many events a subscriber may fall behind before it is dropped.
const bufferSize = 256

// Hub is one API instance's end of the feed: one subscription to the bus (Redis where
// instances share one), however many GraphQL subscriptions this instance serves.
type Hub struct {
	bus     pubsub.Bus
	client  *ent.Client
	channel string
	log     *slog.Logger

	mu        sync.Mutex
	listening bool
	ps        pubsub.Subscription
	subs      map[*subscriber]struct{}
	watchers  []func(outbox.Event)
}

type subscriber struct {
	filter Filter
	out    chan outbox.Event
}

// NewHub returns the hub of one instance; it subscribes to the bus with its first
// subscriber.
func NewHub(bus pubsub.Bus, client *ent.Client, channel string, log *slog.Logger) *Hub {
	if channel == "" {
		channel = DefaultChannel
	}
	if log == nil {
		log = slog.Default()
	}
	return &Hub{bus: bus, client: client, channel: channel, log: log, subs: map[*subscriber]struct{}{}}
}

// Subscribers is how many subscriptions the hub serves now.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// subscribe registers a subscriber until ctx ends. Once it returns, every event published
// afterwards reaches the subscriber (the bus's subscription is confirmed first). The
// channel closes when ctx ends or when the subscriber fell too far behind: a dashboard
// that cannot keep up is told (its subscription completes) rather than silently skipped.
func (h *Hub) subscribe(ctx context.Context, f Filter) (<-chan outbox.Event, error) {
	release, err := acquire(ctx)
	if err != nil {
		return nil, err
	}
	if err := h.listen(); err != nil {
		release()
		return nil, err
	}
	s := &subscriber{filter: f, out: make(chan outbox.Event, bufferSize)}
	h.mu.Lock()
	h.subs[s] = struct{}{}
	h.mu.Unlock()
	go func() {
		<-ctx.Done()
		h.drop(s)
		release()
	}()
	return s.out, nil
}

// drop removes s and closes its channel, once.
func (h *Hub) drop(s *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[s]; ok {
		delete(h.subs, s)
		close(s.out)
	}
}

// listen subscribes to the channel unless the hub already does. Over Redis, go-redis
// resubscribes by itself after a lost connection; events published meanwhile are lost
// (see package doc).
func (h *Hub) listen() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.listening {
		return nil
	}
	ctx := context.Background()
	ps, err := h.bus.Subscribe(ctx, h.channel)
	if err != nil {
		return fmt.Errorf("livefeed: %w", err)
	}
	h.listening, h.ps = true, ps
	go h.run(ps)
	return nil
}

// run dispatches every message until the subscription ends (Close, or the Redis client
// closed).
func (h *Hub) run(ps pubsub.Subscription) {
	defer func() {
		_ = ps.Close()
		h.mu.Lock()
		h.listening, h.ps = false, nil
		subs := h.subs
		h.subs = map[*subscriber]struct{}{}
		h.mu.Unlock()
		for s := range subs {
			close(s.out)
		}
	}()
	for msg := range ps.Messages() {
		if msg.Gap { // nothing to catch up: events are not kept (see package doc)
			continue
		}
		var ev outbox.Event
		if err := json.Unmarshal(msg.Payload, &ev); err != nil || ev.ID == 0 {
			h.log.Warn("livefeed: ignoring a message that is not an event", "channel", h.channel)
			continue
		}
		h.dispatch(ev)
	}
}

// Watch has the hub call fn with every event it hears from now on, in the hub's own
// goroutine (fn must be quick), for as long as the hub listens: the instance's caches
// forget what an event changed. The hub listens from then on, subscribers or not.
func (h *Hub) Watch(fn func(outbox.Event)) error {
	if err := h.listen(); err != nil {
		return err
	}
	h.mu.Lock()
	h.watchers = append(h.watchers, fn)
	h.mu.Unlock()
	return nil
}

func (h *Hub) dispatch(ev outbox.Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, fn := range h.watchers {
		fn(ev)
	}
	for s := range h.subs {
		if !s.filter.Matches(ev) {
			continue
		}
		select {
		case s.out <- ev:
		default:
			h.log.Warn("livefeed: subscriber too slow; ending its subscription", "event", ev.ID)
			delete(h.subs, s)
			close(s.out)
		}
	}
}

// Close ends the hub's subscription to the bus and with it every subscription it serves.
func (h *Hub) Close() {
	h.mu.Lock()
	ps := h.ps
	h.mu.Unlock()
	if ps != nil {
		_ = ps.Close()
	}
}
