package workers

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

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

// claimSend answers 1 when this delivery may send (it now holds KEYS[2], "notifying:<id>",
// for ARGV[1] seconds), 0 when the message was sent already (KEYS[1], "notified:<id>"),
// and -1 while another delivery holds the claim. One script: one round trip, and no
// delivery can slip between the check and the claim.
var claimSend = redis.NewScript(`
if redis.call("EXISTS", KEYS[1]) == 1 then return 0 end
if redis.call("SET", KEYS[2], "1", "NX", "EX", ARGV[1]) then return 1 end
return -1`)

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
	claim, err := claimSend.Run(ctx, d.Redis, []string{sent, sending}, int(sendingTTL/time.Second)).Int()
	switch {
	case err != nil:
		return fmt.Errorf("notifications: %w", err)
	case claim == 0:
		d.logger().InfoContext(ctx, "notification already sent", "event", ev.ID, "topic", ev.Topic)
		return nil
	case claim < 0:
		return fmt.Errorf("notifications: event %d is being sent by another worker", ev.ID)
	}
	release := func() { _ = d.Redis.Del(context.WithoutCancel(ctx), sending).Err() }
	msg, err := build(ctx)
	if err != nil {
		release()
		return err
	}
	if msg.To != "" {
		if err := d.notifier().Send(ctx, msg); err != nil {
			release()
			return fmt.Errorf("notifications: send %s for event %d: %w", ev.Topic, ev.ID, err)
		}
	}
	// Sent (or skipped for want of a recipient, which is as final and is recorded alike,
	// so that what waits for this message goes on): from here on, never return an error
	// (a retry would send again). The record and the release go in one round trip.
	_, err = d.Redis.TxPipelined(context.WithoutCancel(ctx), func(p redis.Pipeliner) error {
		p.Set(ctx, sent, "1", notifiedTTL)
		p.Del(ctx, sending)
		return nil
	})
	if err != nil {
		d.logger().ErrorContext(ctx, "notification sent but not recorded; a redelivery may repeat it", "event", ev.ID, "err", err)
		return nil
	}
	d.logger().InfoContext(ctx, "notification sent", "event", ev.ID, "topic", ev.Topic, "skipped", msg.To == "")
	return nil
}

// notified reports whether the message of event id was recorded as sent.
func (d Deps) notified(ctx context.Context, id int) (bool, error) {
	if d.Redis == nil {
		return false, fmt.Errorf("notifications: no redis to record sent messages in")
	}
	n, err := d.Redis.Exists(ctx, d.KeyPrefix+"notified:"+strconv.Itoa(id)).Result()
	if err != nil {
		return false, fmt.Errorf("notifications: %w", err)
	}
	return n == 1, nil
}

func (d Deps) notifier() notification.Provider {
	if d.Notifier != nil {
		return d.Notifier
	}
	return notification.Log{Logger: d.logger()}
}
