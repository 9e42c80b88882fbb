package pubsub

import "context"

// Each subscribes to channel and calls fn for every message, in a goroutine of its own,
// until ctx ends or the subscription closes. It returns once subscribed, so a message
// published after it returns is not missed. For signals whose payload does not matter
// (a cache to drop), the bus's news of a gap arrives as a message too.
func Each(ctx context.Context, bus Bus, channel string, fn func(Message)) error {
	sub, err := bus.Subscribe(ctx, channel)
	if err != nil {
		return err
	}
	msgs := sub.Messages()
	go func() {
		defer sub.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case m, open := <-msgs:
				if !open {
					return
				}
				fn(m)
			}
		}
	}()
	return nil
}
