package livefeed

import (
	"context"

	"github.com/dakkah/cityos/outbox"
)

// OrderEvents subscribes the viewer of ctx to the events of the orders it may watch
// (storeID, when set, narrows to one store) until ctx ends.
func (h *Hub) OrderEvents(ctx context.Context, storeID *int) (<-chan *OrderEvent, error) {
	f, err := h.filter(ctx, storeID, nil)
	if err != nil {
		return nil, err
	}
	f.Orders = true
	in, err := h.subscribe(ctx, f)
	if err != nil {
		return nil, err
	}
	return relay(ctx, in, toOrderEvent), nil
}

// Events subscribes the viewer of ctx to the events it may watch of the given types
// (patterns; none: all) and store (nil: all) until ctx ends.
func (h *Hub) Events(ctx context.Context, types []string, storeID *int) (<-chan *Event, error) {
	if err := validTypes(types); err != nil {
		return nil, err
	}
	f, err := h.filter(ctx, storeID, types)
	if err != nil {
		return nil, err
	}
	in, err := h.subscribe(ctx, f)
	if err != nil {
		return nil, err
	}
	return relay(ctx, in, toEvent), nil
}

func (h *Hub) filter(ctx context.Context, storeID *int, types []string) (Filter, error) {
	scope, err := ScopeOf(ctx, h.client)
	if err != nil {
		return Filter{}, err
	}
	if storeID != nil {
		if scope, err = scope.narrow(ctx, h.client, *storeID); err != nil {
			return Filter{}, err
		}
	}
	return Filter{Scope: scope, Types: types}, nil
}

// relay converts each event for GraphQL, dropping those convert rejects (nil), until in
// closes or ctx ends. gqlgen reads the returned channel until it closes or the subscription ends.
func relay[T any](ctx context.Context, in <-chan outbox.Event, convert func(outbox.Event) *T) <-chan *T {
	out := make(chan *T)
	go func() {
		defer close(out)
		for ev := range in {
			v := convert(ev)
			if v == nil {
				continue
			}
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
