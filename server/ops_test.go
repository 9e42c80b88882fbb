package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/testenv"
)

type readiness struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}

func TestHealthAndReadiness(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler

		r := send(t, h, request{method: http.MethodGet, path: "/healthz"})
		require.Equal(t, http.StatusOK, r.Status)
		assert.JSONEq(t, `{"status":"ok"}`, r.Body)

		r = send(t, h, request{method: http.MethodGet, path: "/readyz"})
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		var ready readiness
		require.NoError(t, json.Unmarshal([]byte(r.Body), &ready))
		assert.Equal(t, readiness{Status: "ok", Checks: map[string]string{"database": "ok", "redis": "ok"}}, ready)

		require.NoError(t, db.SQL.Close())
		r = send(t, h, request{method: http.MethodGet, path: "/readyz"})
		require.Equal(t, http.StatusServiceUnavailable, r.Status, r.Body)
		ready = readiness{}
		require.NoError(t, json.Unmarshal([]byte(r.Body), &ready))
		assert.Equal(t, "unavailable", ready.Status)
		assert.NotEqual(t, "ok", ready.Checks["database"])
		assert.Equal(t, "ok", ready.Checks["redis"])

		// Alive all the same: a database outage is no reason to restart the process.
		r = send(t, h, request{method: http.MethodGet, path: "/healthz"})
		assert.Equal(t, http.StatusOK, r.Status)
	})
}

func TestMetricsCountOperationsByName(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler

		r := gql(t, h, f.As(testenv.CustomerA), `query WhoAmI { me { id } }`, nil)
		require.Empty(t, r.Errors, r.Body)
		r = gql(t, h, f.As(testenv.CustomerA), `query WhoAmI { me { id } }`, nil)
		require.Empty(t, r.Errors, r.Body)
		r = send(t, h, request{query: `query A { me { id } } query B { __typename }`, opName: "B"})
		require.Empty(t, r.Errors, r.Body)
		r = gql(t, h, nil, `query Broken { stores(first: 101) { totalCount } }`, nil)
		require.NotEmpty(t, r.Errors)

		m := send(t, h, request{method: http.MethodGet, path: "/metrics"})
		require.Equal(t, http.StatusOK, m.Status)
		assert.Contains(t, m.Body, `graphql_operations_total{operation="WhoAmI",type="query"} 2`)
		assert.Contains(t, m.Body, `graphql_operations_total{operation="B",type="query"} 1`)
		assert.NotContains(t, m.Body, `operation="A"`)
		assert.Contains(t, m.Body, `graphql_errors_total{code="BAD_USER_INPUT",operation="Broken"} 1`)
		assert.Contains(t, m.Body, `http_requests_total{method="POST",status="200"}`)
		assert.Contains(t, m.Body, "graphql_operation_duration_seconds_bucket")
	})
}

func TestCORS(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		preflight := func(h http.Handler, origin string) *gqlResponse {
			return send(t, h, request{method: http.MethodOptions, headers: testenv.Headers{
				"Origin":                         origin,
				"Access-Control-Request-Method":  "POST",
				"Access-Control-Request-Headers": "authorization, content-type, x-api-key",
			}})
		}

		// The test configuration allows every origin.
		r := preflight(f.API.Handler, "https://shop.example.com")
		require.Equal(t, http.StatusNoContent, r.Status, r.Body)
		assert.Equal(t, "*", r.Header.Get("Access-Control-Allow-Origin"))
		assert.Contains(t, r.Header.Get("Access-Control-Allow-Methods"), "POST")
		for _, hd := range []string{"Authorization", "Content-Type", "X-Api-Key", "X-Publishable-Key"} {
			assert.Contains(t, r.Header.Get("Access-Control-Allow-Headers"), hd)
		}

		// With a list, only its origins are answered.
		h := apiWith(t, db, func(c *config.Config) { c.CORSOrigins = []string{"https://shop.example.com"} })
		r = preflight(h, "https://shop.example.com")
		require.Equal(t, http.StatusNoContent, r.Status)
		assert.Equal(t, "https://shop.example.com", r.Header.Get("Access-Control-Allow-Origin"))
		r = preflight(h, "https://evil.example.net")
		assert.Empty(t, r.Header.Get("Access-Control-Allow-Origin"))
		assert.Empty(t, r.Header.Get("Access-Control-Allow-Headers"))

		// The actual request from an allowed origin can read the request id.
		r = send(t, h, request{query: meQuery, headers: testenv.Headers{"Origin": "https://shop.example.com"}})
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		assert.Equal(t, "https://shop.example.com", r.Header.Get("Access-Control-Allow-Origin"))
		assert.True(t, strings.Contains(r.Header.Get("Access-Control-Expose-Headers"), "X-Request-Id"))
	})
}
