package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/testenv"
)

// A signed change is recorded, queued once, and applied once: two copies of the request
// racing, and the task run again (a retry) or twice at once, make one product; a copy
// sent after it was applied is rejected as a replay, and recorded so.
func TestInboundWebhookAppliedOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		payload := body(t, "product.upsert", map[string]any{"handle": "kaftan", "title": "Kaftan", "status": "published", "tags": []string{"new"}})
		now := time.Now()
		ids := make([]int, 2)
		var wg sync.WaitGroup
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rec := e.post(t, e.endA.ID, e.secret[e.endA.ID], "msg_kaftan", now, payload)
				if assert.Equal(t, http.StatusAccepted, rec.Code, rec.Body.String()) {
					var out struct{ ID int }
					assert.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
					ids[i] = out.ID
				}
			}()
		}
		wg.Wait()
		require.Equal(t, ids[0], ids[1], "a copy of a webhook not yet applied is the same record")
		id := ids[0]

		task, err := asynq.NewInspectorFromRedisClient(e.API.App.Redis).GetTaskInfo(e.queue, inbound.TaskID(id))
		require.NoError(t, err)
		assert.Equal(t, inbound.TaskApply, task.Type)

		for range 2 {
			wg.Add(1)
			go func() { defer wg.Done(); e.run(t, id) }()
		}
		wg.Wait()
		e.run(t, id) // a retry after success

		n, err := db.Client.Product.Query().Where(product.TenantID(e.TenantA.ID), product.Handle("kaftan")).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		w := e.record(t, id)
		assert.Equal(t, inboundwebhook.StatusApplied, w.Status)
		assert.NotNil(t, w.AppliedAt)
		assert.Equal(t, "product.upsert", w.Type)
		assert.Equal(t, "msg_kaftan", w.WebhookID)

		rec := e.post(t, e.endA.ID, e.secret[e.endA.ID], "msg_kaftan", time.Now(), payload)
		assert.Equal(t, http.StatusConflict, rec.Code, rec.Body.String())
		assert.Equal(t, []string{"replayed webhook-id: already received (applied)"}, e.rejected(t, e.endA.ID))

		// The change is the endpoint's, in the audit log.
		p, err := db.Client.Product.Query().Where(product.TenantID(e.TenantA.ID), product.Handle("kaftan")).Only(sys())
		require.NoError(t, err)
		assert.Equal(t, "Kaftan", p.Title)
		assert.Equal(t, product.StatusPublished, p.Status)
		logs, err := db.Client.AuditLog.Query().All(sys())
		require.NoError(t, err)
		var actor string
		for _, l := range logs {
			if l.EntityType == "Product" && l.EntityID == p.ID {
				actor = l.Actor
			}
		}
		assert.Equal(t, "integration_endpoint:"+strconv.Itoa(e.endA.ID), actor)
	})
}

// Wrong secret, stale or future timestamp, tampered body, missing headers: 401, each
// recorded as rejected with its reason, and nothing applied. Unknown and disabled
// endpoints answer 404 alike; a body over the limit 413.
func TestInboundWebhookRejections(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		payload := body(t, "store.update", map[string]any{"handle": "a1", "name": "Hacked"})
		other := e.endpoint(t, e.TenantA.ID, nil)
		codes := []int{
			e.post(t, e.endA.ID, e.secret[other.ID], "m1", time.Now(), payload).Code,                      // wrong secret
			e.post(t, e.endA.ID, e.secret[e.endA.ID], "m2", time.Now().Add(-6*time.Minute), payload).Code, // stale
			e.post(t, e.endA.ID, e.secret[e.endA.ID], "m3", time.Now().Add(6*time.Minute), payload).Code,  // future
		}
		// Tampered: signed, then changed on the way.
		req := signedRequest(t, e.endA.ID, e.secret[e.endA.ID], "m4", payload)
		tampered := strings.Replace(string(payload), "Hacked", "Hecked", 1)
		codes = append(codes, serve(e, req, tampered))
		unsigned := signedRequest(t, e.endA.ID, e.secret[e.endA.ID], "m5", payload)
		unsigned.Header.Del("webhook-signature")
		codes = append(codes, serve(e, unsigned, string(payload)))
		for _, c := range codes {
			assert.Equal(t, http.StatusUnauthorized, c)
		}
		reasons := e.rejected(t, e.endA.ID)
		require.Len(t, reasons, 5)
		assert.Equal(t, "no signature matches", reasons[0])
		assert.Contains(t, reasons[1], "webhook-timestamp")
		assert.Contains(t, reasons[2], "webhook-timestamp")
		assert.Equal(t, "no signature matches", reasons[3])
		assert.Contains(t, reasons[4], "missing")
		st, err := db.Client.Store.Get(sys(), e.StoreA1.ID)
		require.NoError(t, err)
		assert.Equal(t, "A One", st.Name)

		// Unknown, disabled, and not an id: the same 404.
		assert.Equal(t, http.StatusNotFound, e.post(t, 999999, e.secret[e.endA.ID], "m6", time.Now(), payload).Code)
		require.NoError(t, db.Client.IntegrationEndpoint.UpdateOneID(other.ID).SetEnabled(false).Exec(sys()))
		assert.Equal(t, http.StatusNotFound, e.post(t, other.ID, e.secret[other.ID], "m7", time.Now(), payload).Code)
		req = signedRequest(t, 0, e.secret[e.endA.ID], "m8", payload)
		req.URL.Path = "/webhooks/in/abc"
		assert.Equal(t, http.StatusNotFound, serve(e, req, string(payload)))

		big := body(t, "product.upsert", map[string]any{"handle": "big", "title": "Big", "description": strings.Repeat("x", inbound.MaxBody)})
		assert.Equal(t, http.StatusRequestEntityTooLarge, e.send(t, e.endA, big).Code)
		assert.Len(t, e.rejected(t, e.endA.ID), 5, "an oversized body is not read, so not recorded")
	})
}

// During a rotation's overlap the previous secret still verifies; after it, it does not.
func TestInboundWebhookRotation(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		old := e.secret[e.endA.ID]
		fresh := e.endpoint(t, e.TenantB.ID, nil) // only for a second secret
		next := e.secret[fresh.ID]
		require.NoError(t, db.Client.IntegrationEndpoint.UpdateOneID(e.endA.ID).SetSecret(next).SetPreviousSecret(old).
			SetPreviousSecretExpiresAt(time.Now().Add(time.Hour)).Exec(sys()))
		payload := body(t, "store.update", map[string]any{"handle": "a1", "name": "A Prime"})
		assert.Equal(t, http.StatusAccepted, e.post(t, e.endA.ID, old, "r1", time.Now(), payload).Code)
		assert.Equal(t, http.StatusAccepted, e.post(t, e.endA.ID, next, "r2", time.Now(), payload).Code)
		require.NoError(t, db.Client.IntegrationEndpoint.UpdateOneID(e.endA.ID).SetPreviousSecretExpiresAt(time.Now().Add(-time.Second)).Exec(sys()))
		assert.Equal(t, http.StatusUnauthorized, e.post(t, e.endA.ID, old, "r3", time.Now(), payload).Code)
	})
}

func signedRequest(t *testing.T, epID int, secret, id string, payload []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, "/webhooks/in/"+strconv.Itoa(epID), nil)
	require.NoError(t, err)
	require.NoError(t, stdwebhook.Headers(req.Header, id, time.Now(), payload, secret))
	return req
}

// serve sends req with body b (which may differ from what was signed).
func serve(e *inboundEnv, req *http.Request, b string) int {
	req.Body = io.NopCloser(strings.NewReader(b))
	req.ContentLength = int64(len(b))
	rec := httptest.NewRecorder()
	e.API.Handler.ServeHTTP(rec, req)
	return rec.Code
}

// Rejections are recorded up to inbound.RejectedPerMinute an endpoint: a flood of forged
// requests cannot fill the table.
func TestInboundWebhookRejectionsBounded(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		payload := body(t, "store.update", map[string]any{"handle": "a1"})
		for i := range inbound.RejectedPerMinute + 5 {
			rec := e.post(t, e.endA.ID, "whsec_Zm9yZ2Vk", "f"+strconv.Itoa(i), time.Now(), payload)
			require.Equal(t, http.StatusUnauthorized, rec.Code)
		}
		assert.Len(t, e.rejected(t, e.endA.ID), inbound.RejectedPerMinute)
		assert.Empty(t, e.rejected(t, e.endB.ID), "each endpoint has its own bound")
		e.run(t, accepted(t, e.send(t, e.endA, payload)))
	})
}

// A change an endpoint pushed is made with the endpoint as its origin (outbox.OriginFrom),
// so the events it raises are never delivered back to it.
func TestInboundWebhookOrigin(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		var origins []int
		db.Client.Product.Use(func(next ent.Mutator) ent.Mutator {
			return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
				id, ok := outbox.OriginFrom(ctx)
				if !ok {
					id = -1
				}
				origins = append(origins, id)
				return next.Mutate(ctx, m)
			})
		})
		e.apply(t, e.endA, body(t, "product.upsert", map[string]any{"handle": "thobe", "title": "Thobe II"}))
		assert.Equal(t, []int{e.endA.ID}, origins)
	})
}
