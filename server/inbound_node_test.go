package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/testenv"
)

// signWithNode signs body as message id at ts with the npm standardwebhooks library and
// returns the headers it made.
func signWithNode(t *testing.T, dir, secret, id string, ts time.Time, body []byte) map[string]string {
	t.Helper()
	var headers map[string]string
	testenv.NodeScript(t, dir, "sign.js", map[string]any{"secret": secret, "id": id, "timestamp": ts.Unix(), "body": string(body)}, &headers)
	return headers
}

// A sender signing with the standardwebhooks npm library (not our code) is accepted and
// its change applied; the same library with another endpoint's secret is refused.
func TestInboundWebhookSignedByStandardWebhooks(t *testing.T) {
	dir := testenv.NodePackages(t, "testdata/node")
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newInboundEnv(t, db)
		payload := body(t, "product.upsert", map[string]any{"handle": "bisht", "title": "Bisht", "status": "published"})
		post := func(secret, id string) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, "/webhooks/in/"+strconv.Itoa(e.endA.ID), strings.NewReader(string(payload)))
			for k, v := range signWithNode(t, dir, secret, id, time.Now(), payload) {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			e.API.Handler.ServeHTTP(rec, req)
			return rec
		}

		rec := post(e.secret[e.endB.ID], "msg_wrong_secret")
		require.Equal(t, http.StatusUnauthorized, rec.Code, rec.Body.String())

		rec = post(e.secret[e.endA.ID], "msg_bisht")
		require.Equal(t, http.StatusAccepted, rec.Code, rec.Body.String())
		var out struct{ ID int }
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
		e.run(t, out.ID)
		require.Equal(t, inboundwebhook.StatusApplied, e.record(t, out.ID).Status)
		n, err := db.Client.Product.Query().Where(product.TenantID(e.TenantA.ID), product.Handle("bisht")).Count(sys())
		require.NoError(t, err)
		require.Equal(t, 1, n)
	})
}
