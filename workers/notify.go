package workers

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/outbox"
)

const (
	// notifiedTTL is how long a sent notification is remembered: far longer than
	// asynq's retries and the relay's task retention, so no redelivery outlives it.
	notifiedTTL = 7 * 24 * time.Hour
	// sendingTTL bounds the claim a worker holds while it sends, should it die mid-send.
	sendingTTL = 2 * time.Minute
)

// notifyOnce sends the message build makes for ev, at most once per event id however
// often ev is delivered. "notified:<id>" is written only after the provider accepted
// the message and checked before anything else; "notifying:<id>" keeps two concurrent
// deliveries from both sending. A failed send returns its error, so asynq retries it
// with backoff. (A crash between the send and the record can still repeat a message:
// at-least-once, as every provider without idempotency keys allows.)
func (d Deps) notifyOnce(ctx context.Context, ev outbox.Event, build func(context.Context) (notification.Message, error)) error {
	if d.Redis == nil {
		return fmt.Errorf("notifications: no redis to record sent messages in")
	}
	id := strconv.Itoa(ev.ID)
	sent, sending := d.KeyPrefix+"notified:"+id, d.KeyPrefix+"notifying:"+id
	n, err := d.Redis.Exists(ctx, sent).Result()
	if err != nil {
		return fmt.Errorf("notifications: %w", err)
	}
	if n > 0 {
		d.logger().InfoContext(ctx, "notification already sent", "event", ev.ID, "topic", ev.Topic)
		return nil
	}
	msg, err := build(ctx)
	if err != nil {
		return err
	}
	if msg.To == "" {
		d.logger().InfoContext(ctx, "notification skipped: no recipient", "event", ev.ID, "topic", ev.Topic)
		return nil
	}
	claimed, err := d.Redis.SetNX(ctx, sending, "1", sendingTTL).Result()
	if err != nil {
		return fmt.Errorf("notifications: %w", err)
	}
	if !claimed {
		return fmt.Errorf("notifications: event %d is being sent by another worker", ev.ID)
	}
	if err := d.notifier().Send(ctx, msg); err != nil {
		_ = d.Redis.Del(context.WithoutCancel(ctx), sending).Err()
		return fmt.Errorf("notifications: send %s for event %d: %w", ev.Topic, ev.ID, err)
	}
	// Sent: from here on, never return an error (a retry would send again).
	rctx := context.WithoutCancel(ctx)
	if err := d.Redis.Set(rctx, sent, "1", notifiedTTL).Err(); err != nil {
		d.logger().ErrorContext(ctx, "notification sent but not recorded; a redelivery may repeat it", "event", ev.ID, "err", err)
		return nil
	}
	_ = d.Redis.Del(rctx, sending).Err()
	d.logger().InfoContext(ctx, "notification sent", "event", ev.ID, "topic", ev.Topic)
	return nil
}

func (d Deps) notifier() notification.Provider {
	if d.Notifier != nil {
		return d.Notifier
	}
	return notification.Log{Logger: d.logger()}
}
