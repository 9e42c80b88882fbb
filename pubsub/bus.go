// Package pubsub carries fire-and-forget messages on named channels to every subscriber:
// through Redis PUBLISH/SUBSCRIBE when instances share a Redis (NewRedis), in memory
// when the instance is alone (NewLocal). The assembly of the app picks one; the packages
// that publish and listen do not know which.
package pubsub

import "context"

// Bus publishes and subscribes.
type Bus interface {
	// Publish sends payload to the channel's current subscribers. The bus may keep
	// payload: the caller must not change it afterwards.
	Publish(ctx context.Context, channel string, payload []byte) error
	// Subscribe listens on channel. Once it returns, every message published afterwards
	// reaches the subscription, until Close.
	Subscribe(ctx context.Context, channel string) (Subscription, error)
}

// Subscription is one subscriber's end.
type Subscription interface {
	// Messages delivers the messages in the order published; it closes after Close, or
	// when the bus ends (its Redis client closed).
	Messages() <-chan Message
	Close() error
}

// Message is one message, or news of a gap.
type Message struct {
	// Payload is what was published; it must not be changed.
	Payload []byte
	// Gap says that messages may have been lost just before (a Redis connection lost and
	// re-established, or a subscriber too far behind); Payload is then empty. A listener
	// that keeps state derived from the messages (a cache) drops it.
	Gap bool
}

// bufferSize is how many messages a subscription holds before its subscriber reads them.
const bufferSize = 256
