package server_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// inboundEnv is the commerce fixture with an endpoint per scope (tenant A, store A1,
// tenant B), each with its secret, and a queue of the test's own.
type inboundEnv struct {
	*testenv.Commerce
	db                *testenv.DB
	queue             string
	endA, endA1, endB *ent.IntegrationEndpoint
	secret            map[int]string
	n                 int
}

func newInboundEnv(t *testing.T, db *testenv.DB) *inboundEnv {
	t.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	e := &inboundEnv{Commerce: testenv.NewCommerce(t, db), db: db, queue: "test-inbound-" + hex.EncodeToString(b), secret: map[int]string{}}
	e.API.App.Inbound.QueueName = e.queue
	e.endA = e.endpoint(t, e.TenantA.ID, nil)
	e.endA1 = e.endpoint(t, e.TenantA.ID, &e.StoreA1.ID)
	e.endB = e.endpoint(t, e.TenantB.ID, nil)
	return e
}

func (e *inboundEnv) endpoint(t *testing.T, tenantID int, storeID *int) *ent.IntegrationEndpoint {
	t.Helper()
	secret, err := stdwebhook.NewSecret()
	require.NoError(t, err)
	ep, err := e.db.Client.IntegrationEndpoint.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).
		SetURL("https://erp.example.com/hooks").SetEventTypes([]string{"*"}).SetSecret(secret).Save(sys())
	require.NoError(t, err)
	e.secret[ep.ID] = secret
	return ep
}

// body is a Standard Webhooks body of type with data.
func body(t *testing.T, typ string, data map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{"type": typ, "timestamp": time.Now().UTC().Format(time.RFC3339), "data": data})
	require.NoError(t, err)
	return b
}

// post sends payload to endpoint epID signed by secret as message id at ts.
func (e *inboundEnv) post(t *testing.T, epID int, secret, id string, ts time.Time, payload []byte) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/webhooks/in/"+strconv.Itoa(epID), strings.NewReader(string(payload)))
	require.NoError(t, stdwebhook.Headers(req.Header, id, ts, payload, secret))
	rec := httptest.NewRecorder()
	e.API.Handler.ServeHTTP(rec, req)
	return rec
}

// send signs payload with ep's secret as a fresh message and posts it.
func (e *inboundEnv) send(t *testing.T, ep *ent.IntegrationEndpoint, payload []byte) *httptest.ResponseRecorder {
	t.Helper()
	e.n++
	return e.post(t, ep.ID, e.secret[ep.ID], "msg_"+strconv.Itoa(e.n)+"_"+e.queue, time.Now(), payload)
}

// accepted is the record id of a 202 answer.
func accepted(t *testing.T, rec *httptest.ResponseRecorder) int {
	t.Helper()
	require.Equal(t, http.StatusAccepted, rec.Code, rec.Body.String())
	var out struct{ ID int }
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
	require.NotZero(t, out.ID)
	return out.ID
}

// run runs the apply task of record id through the workers' mux, as the worker does.
func (e *inboundEnv) run(t *testing.T, id int) {
	t.Helper()
	task := asynq.NewTask(inbound.TaskApply, []byte(strconv.Itoa(id)))
	require.NoError(t, workers.Mux(e.API.App.WorkerDeps()).ProcessTask(context.Background(), task))
}

// apply sends payload as a fresh message from ep, runs its task and returns its record.
func (e *inboundEnv) apply(t *testing.T, ep *ent.IntegrationEndpoint, payload []byte) *ent.InboundWebhook {
	t.Helper()
	id := accepted(t, e.send(t, ep, payload))
	e.run(t, id)
	return e.record(t, id)
}

func (e *inboundEnv) record(t *testing.T, id int) *ent.InboundWebhook {
	t.Helper()
	w, err := e.db.Client.InboundWebhook.Get(sys(), id)
	require.NoError(t, err)
	return w
}

// rejected are the reasons of ep's rejected records.
func (e *inboundEnv) rejected(t *testing.T, epID int) []string {
	t.Helper()
	rows, err := e.db.Client.InboundWebhook.Query().Where(inboundwebhook.EndpointID(epID),
		inboundwebhook.StatusEQ(inboundwebhook.StatusRejected)).Order(ent.Asc(inboundwebhook.FieldID)).All(sys())
	require.NoError(t, err)
	var out []string
	for _, r := range rows {
		out = append(out, *r.Reason)
	}
	return out
}
