package webhooks_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/testenv"
)

func gid(id int) string { return strconv.Itoa(id) }

// Through the API: a ping, a replay with the same webhook-id, a replay of past events,
// and the attempts listed with filters; tenant B's key reaches none of A's.
func TestPingReplayAndListThroughTheAPI(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "order.*")
		admin, keyB := r.As(testenv.TenantAdminA), r.As(testenv.SecretB)
		r.now = time.Now()

		const ping = `mutation($id: ID!) { pingIntegrationEndpoint(id: $id) { id eventType status responseCode attempt webhookID } }`
		var pinged struct {
			Ping struct {
				ID, EventType, Status, WebhookID string
				ResponseCode, Attempt            int
			} `json:"pingIntegrationEndpoint"`
		}
		r.API.MustDo(t, admin, ping, map[string]any{"id": gid(ep.ID)}).Decode(t, &pinged)
		require.Equal(t, "ping", pinged.Ping.EventType)
		require.Equal(t, "succeeded", pinged.Ping.Status)
		require.Equal(t, 200, pinged.Ping.ResponseCode)
		in := recv.requests()
		require.Len(t, in, 1)
		res := verifyWithNode(t, []nodeMessage{asNode(ep.Secret, in[0])})
		require.True(t, res[0].OK, res[0].Error)
		testenv.RequireError(t, r.API.Do(t, keyB, ping, map[string]any{"id": gid(ep.ID)}), "NOT_FOUND")
		require.Len(t, recv.requests(), 1)

		// An event that failed once is replayed with its webhook-id.
		recv.setAnswer(func(n int, _ captured) int {
			if n == 2 {
				return http.StatusServiceUnavailable
			}
			return http.StatusOK
		})
		ev := r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 9})
		require.NoError(t, r.svc.FanOut(context.Background(), ev))
		rows := r.attempts(t, ep.ID)
		failed := rows[len(rows)-1]
		require.Equal(t, "failed", failed.Status.String())
		const replay = `mutation($id: ID!) { replayDelivery(id: $id) { status attempt webhookID } }`
		var replayed struct {
			Replay struct {
				Status, WebhookID string
				Attempt           int
			} `json:"replayDelivery"`
		}
		r.API.MustDo(t, admin, replay, map[string]any{"id": gid(failed.ID)}).Decode(t, &replayed)
		require.Equal(t, "succeeded", replayed.Replay.Status)
		require.Equal(t, failed.WebhookID, replayed.Replay.WebhookID)
		in = recv.requests()
		require.Equal(t, in[1].Header.Get(stdwebhook.HeaderID), in[2].Header.Get(stdwebhook.HeaderID))
		require.Equal(t, string(in[1].Body), string(in[2].Body), "the fan-out's attempt and the queued replay send the same bytes")
		testenv.RequireError(t, r.API.Do(t, keyB, replay, map[string]any{"id": gid(failed.ID)}), "NOT_FOUND")
		r.drain(t) // the first delivery's own retry

		// The attempts, filtered.
		const list = `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 10, where: {status: failed, eventType: "order.placed"}) {
			totalCount edges { node { status responseCode error } } } }`
		var listed struct {
			List struct {
				TotalCount int
				Edges      []struct {
					Node struct{ Status, Error string }
				}
			} `json:"webhookDeliveries"`
		}
		r.API.MustDo(t, admin, list, map[string]any{"id": gid(ep.ID)}).Decode(t, &listed)
		require.Equal(t, 1, listed.List.TotalCount)
		require.Equal(t, "HTTP 503: receiver says Service Unavailable", listed.List.Edges[0].Node.Error)
		testenv.RequireError(t, r.API.Do(t, keyB, list, map[string]any{"id": gid(ep.ID)}), "NOT_FOUND")

		// Replaying the tenant's events since a time queues those the endpoint hears.
		r.raise(t, r.TenantA.ID, nil, "product.created", map[string]any{"id": 1})
		r.raise(t, r.TenantB.ID, nil, "order.placed", map[string]any{"id": 1})
		const replayEvents = `mutation($id: ID!, $since: Time!) { replayEvents(endpointId: $id, since: $since) { enqueued truncated } }`
		vars := map[string]any{"id": gid(ep.ID), "since": time.Now().Add(-time.Hour).Format(time.RFC3339)}
		var again struct {
			Replay struct {
				Enqueued  int
				Truncated bool
			} `json:"replayEvents"`
		}
		r.API.MustDo(t, admin, replayEvents, vars).Decode(t, &again)
		require.Equal(t, 1, again.Replay.Enqueued, "order.placed of A; not the ping, A's product event or B's order")
		require.False(t, again.Replay.Truncated)
		before := len(recv.requests())
		require.Equal(t, 1, r.drain(t))
		in = recv.requests()
		require.Len(t, in, before+1)
		require.Equal(t, failed.WebhookID, in[before].Header.Get(stdwebhook.HeaderID))
		testenv.RequireError(t, r.API.Do(t, keyB, replayEvents, vars), "NOT_FOUND")
		testenv.RequireError(t, r.API.Do(t, r.As(testenv.ManagerA1), replayEvents, vars), "NOT_FOUND")
	})
}

// Attempts past the retention are pruned.
func TestPrune(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "*")
		require.NoError(t, r.svc.FanOut(context.Background(), r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})))
		r.drain(t)
		n, err := r.svc.Prune(context.Background())
		require.NoError(t, err)
		require.Zero(t, n, "a fresh attempt stays")
		r.now = r.now.Add(r.svc.Config.Retention + time.Minute)
		n, err = r.svc.Prune(context.Background())
		require.NoError(t, err)
		require.Equal(t, 1, n)
		require.Empty(t, r.attempts(t, ep.ID))
	})
}
