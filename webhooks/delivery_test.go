package webhooks_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/ent/webhookdelivery"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/webhooks"
)

// The key test: real deliveries, verified by the standardwebhooks npm package.
func TestDeliveriesVerifyWithStandardWebhooks(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL+"/hooks", "order.*")
		placed := r.raise(t, r.TenantA.ID, &r.StoreA1.ID, "order.placed", map[string]any{"id": 42, "total": 57500, "note": "ثوب"})
		shipped := r.raise(t, r.TenantA.ID, &r.StoreA1.ID, "order.shipped", map[string]any{"id": 42})
		other := r.raise(t, r.TenantA.ID, nil, "product.created", map[string]any{"id": 7})
		for _, ev := range []outbox.Event{placed, shipped, other} {
			require.NoError(t, r.svc.FanOut(context.Background(), ev))
		}
		require.Zero(t, r.drain(t), "the fan-out made the first attempts at once: nothing queued")

		got := recv.requests()
		require.Len(t, got, 2)
		var msgs []nodeMessage
		for _, c := range got {
			require.Equal(t, "application/json", c.Header.Get("Content-Type"))
			require.Equal(t, webhooks.UserAgent, c.Header.Get("User-Agent"))
			msgs = append(msgs, asNode(ep.Secret, c))
		}
		var body struct {
			Type      string `json:"type"`
			Timestamp string `json:"timestamp"`
			Data      struct {
				ID            string         `json:"id"`
				TenantID      int            `json:"tenantId"`
				StoreID       int            `json:"storeId"`
				AggregateType string         `json:"aggregateType"`
				AggregateID   int            `json:"aggregateId"`
				Sequence      int64          `json:"sequence"`
				Object        map[string]any `json:"object"`
			} `json:"data"`
		}
		require.NoError(t, json.Unmarshal(got[0].Body, &body))
		require.Equal(t, "order.placed", body.Type)
		ts, err := time.Parse(time.RFC3339Nano, body.Timestamp)
		require.NoError(t, err)
		require.WithinDuration(t, placed.OccurredAt, ts, time.Millisecond)
		require.Equal(t, outbox.PublicID(placed.ID), body.Data.ID)
		require.Equal(t, outbox.PublicID(placed.ID), got[0].Header.Get(stdwebhook.HeaderID))
		require.Equal(t, r.TenantA.ID, body.Data.TenantID)
		require.Equal(t, r.StoreA1.ID, body.Data.StoreID)
		require.Equal(t, "order", body.Data.AggregateType)
		require.Equal(t, 42, body.Data.AggregateID)
		require.EqualValues(t, 3, body.Data.Sequence)
		require.Equal(t, map[string]any{"id": 42.0, "total": 57500.0, "note": "ثوب"}, body.Data.Object)

		// Tampered with, or checked with another secret, the library refuses them.
		tampered := msgs[0]
		tampered.Body = strings.Replace(tampered.Body, "57500", "1", 1)
		otherSecret, err := stdwebhook.NewSecret()
		require.NoError(t, err)
		wrong := msgs[1]
		wrong.Secret = otherSecret
		res := verifyWithNode(t, append(msgs, tampered, wrong))
		require.True(t, res[0].OK, "order.placed: %s", res[0].Error)
		require.True(t, res[1].OK, "order.shipped: %s", res[1].Error)
		require.False(t, res[2].OK, "a tampered body is refused")
		require.False(t, res[3].OK, "another secret is refused")

		rows := r.attempts(t, ep.ID)
		require.Len(t, rows, 2)
		for _, row := range rows {
			require.Equal(t, webhookdelivery.StatusSucceeded, row.Status)
			require.Equal(t, 200, *row.ResponseCode)
			require.NotNil(t, row.LatencyMs)
			require.Nil(t, row.Error)
			require.Equal(t, 1, row.Attempt)
			require.Equal(t, r.TenantA.ID, row.TenantID)
		}
	})
}

// During a rotation's overlap both secrets sign, and a receiver holding either verifies.
func TestRotationOverlapSignsWithBothSecrets(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "*")
		old := ep.Secret
		fresh, err := stdwebhook.NewSecret()
		require.NoError(t, err)
		ep, err = r.db.Client.IntegrationEndpoint.UpdateOne(ep).SetSecret(fresh).SetPreviousSecret(old).
			SetPreviousSecretExpiresAt(r.now.Add(time.Hour)).Save(sys())
		require.NoError(t, err)

		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "store.updated", map[string]any{"id": 1})))
		r.drain(t)
		in := recv.requests()
		require.Len(t, in, 1)
		require.Len(t, strings.Fields(in[0].Header.Get(stdwebhook.HeaderSignature)), 2)

		// Past the overlap only the new secret signs.
		r.now = r.now.Add(2 * time.Hour)
		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "store.updated", map[string]any{"id": 1})))
		r.drain(t)
		in = recv.requests()
		require.Len(t, in, 2)
		require.Len(t, strings.Fields(in[1].Header.Get(stdwebhook.HeaderSignature)), 1)

		// verify.js checks timestamps against the real clock: the second message was
		// signed at the test's clock, two hours ahead, so only the first is checked there.
		res := verifyWithNode(t, []nodeMessage{asNode(fresh, in[0]), asNode(old, in[0])})
		require.True(t, res[0].OK, "the new secret: %s", res[0].Error)
		require.True(t, res[1].OK, "the previous secret: %s", res[1].Error)
		_, err = stdwebhook.Verify(in[1].Header, in[1].Body, r.now, old)
		require.ErrorIs(t, err, stdwebhook.ErrSignature, "the previous secret no longer signs")
		_, err = stdwebhook.Verify(in[1].Header, in[1].Body, r.now, fresh)
		require.NoError(t, err)
	})
}

// A failed attempt is retried on the schedule, with the same webhook-id, until it succeeds.
func TestFailuresAreRetriedUntilSuccess(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		recv.setAnswer(func(n int, _ captured) int {
			if n < 3 {
				return http.StatusInternalServerError
			}
			return http.StatusNoContent
		})
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "order.placed")
		ev := r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})
		require.NoError(t, r.svc.FanOut(context.Background(), ev))

		require.Len(t, recv.requests(), 1, "the fan-out made the first attempt")
		rows := r.attempts(t, ep.ID)
		require.Len(t, rows, 1)
		require.Equal(t, webhookdelivery.StatusFailed, rows[0].Status)
		require.Equal(t, 500, *rows[0].ResponseCode)
		require.Equal(t, "HTTP 500: receiver says Internal Server Error", *rows[0].Error)
		require.NotNil(t, rows[0].NextAttemptAt)
		wait := rows[0].NextAttemptAt.Sub(r.now)
		require.True(t, wait >= 48*time.Second && wait <= 72*time.Second, "a minute ± 20%%, not %s", wait)

		r.drain(t)
		rows = r.attempts(t, ep.ID)
		require.Len(t, rows, 3)
		require.Equal(t, []int{1, 2, 3}, []int{rows[0].Attempt, rows[1].Attempt, rows[2].Attempt})
		require.Equal(t, webhookdelivery.StatusFailed, rows[1].Status)
		require.Equal(t, webhookdelivery.StatusSucceeded, rows[2].Status)
		require.Nil(t, rows[2].NextAttemptAt)
		require.Len(t, recv.ids(), 1, "one webhook-id across the attempts")
		require.Equal(t, outbox.PublicID(ev.ID), rows[2].WebhookID)
	})
}

// A delivery whose every attempt fails is dead; a run of dead deliveries disables the
// endpoint, with an audit row and an event.
func TestDeadDeliveriesDisableTheEndpoint(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		recv.setAnswer(func(int, captured) int { return http.StatusBadGateway })
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "*")

		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})))
		require.Equal(t, 2, r.drain(t), "two retries (the test's schedule) after the fan-out's attempt")
		rows := r.attempts(t, ep.ID)
		require.Len(t, rows, 3)
		require.Equal(t, webhookdelivery.StatusDead, rows[2].Status)
		require.Nil(t, rows[2].NextAttemptAt)
		ep = r.reload(t, ep)
		require.True(t, ep.Enabled, "one dead delivery is not yet a streak")
		require.Equal(t, 1, ep.DeadStreak)

		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 2})))
		r.drain(t)
		ep = r.reload(t, ep)
		require.False(t, ep.Enabled, "the second dead delivery in a row disables it")
		require.Contains(t, *ep.DisabledReason, "died after every attempt")
		disabled, err := r.db.Client.OutboxEvent.Query().Where(outboxevent.Topic(webhooks.DisabledType), outboxevent.AggregateID(ep.ID)).Only(sys())
		require.NoError(t, err)
		require.Equal(t, r.TenantA.ID, *disabled.TenantID)
		require.Equal(t, *ep.DisabledReason, disabled.Payload["disabled_reason"], "the event shows the endpoint as disabled")
		require.NotContains(t, disabled.Payload, "secret")
		audited, err := r.db.Client.AuditLog.Query().Where(auditlog.EntityType("IntegrationEndpoint"), auditlog.EntityID(ep.ID)).Count(sys())
		require.NoError(t, err)
		require.GreaterOrEqual(t, audited, 3, "created, streak counted, disabled")

		before := len(recv.requests())
		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 3})))
		require.Zero(t, r.drain(t), "a disabled endpoint hears nothing")
		require.Len(t, recv.requests(), before)
	})
}

// A success ends a streak: only deliveries dead in a row disable.
func TestSuccessEndsADeadStreak(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "*")
		_, err := r.db.Client.IntegrationEndpoint.UpdateOne(ep).SetDeadStreak(1).Save(sys())
		require.NoError(t, err)
		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})))
		r.drain(t)
		require.Zero(t, r.reload(t, ep).DeadStreak)
	})
}

// 410 Gone disables the endpoint at once, without retries.
func TestGoneDisablesTheEndpoint(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		recv.setAnswer(func(int, captured) int { return http.StatusGone })
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "*")
		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})))
		require.Zero(t, r.drain(t), "no retry")
		rows := r.attempts(t, ep.ID)
		require.Len(t, rows, 1)
		require.Equal(t, webhookdelivery.StatusDead, rows[0].Status)
		require.Equal(t, 410, *rows[0].ResponseCode)
		ep = r.reload(t, ep)
		require.False(t, ep.Enabled)
		require.Equal(t, "the endpoint answered 410 Gone", *ep.DisabledReason)
	})
}
