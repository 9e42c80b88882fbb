package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// gqlResponse is an HTTP answer of the API, parsed as a client would.
type gqlResponse struct {
	Status int             `json:"-"`
	Header http.Header     `json:"-"`
	Body   string          `json:"-"`
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (r *gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// request is one HTTP request to the API: a GraphQL body unless raw is set.
type request struct {
	method  string // default POST
	path    string // default /graphql
	headers testenv.Headers
	query   string
	vars    map[string]any
	ext     map[string]any // GraphQL request extensions (persisted queries)
	opName  string
	raw     io.Reader // a body of its own instead of the GraphQL one
	remote  string    // client address, default httptest's
}

// send runs req through the whole handler, as a client over HTTP would see it.
func send(t testing.TB, h http.Handler, req request) *gqlResponse {
	t.Helper()
	if req.method == "" {
		req.method = http.MethodPost
	}
	if req.path == "" {
		req.path = "/graphql"
	}
	body := req.raw
	if body == nil && req.method == http.MethodPost {
		payload := map[string]any{}
		if req.query != "" {
			payload["query"] = req.query
		}
		if req.vars != nil {
			payload["variables"] = req.vars
		}
		if req.ext != nil {
			payload["extensions"] = req.ext
		}
		if req.opName != "" {
			payload["operationName"] = req.opName
		}
		b, err := json.Marshal(payload)
		require.NoError(t, err)
		body = bytes.NewReader(b)
	}
	r := httptest.NewRequest(req.method, req.path, body)
	if req.method == http.MethodPost {
		r.Header.Set("Content-Type", "application/json")
	}
	if req.remote != "" {
		r.RemoteAddr = req.remote
	}
	for k, v := range req.headers {
		r.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	out := &gqlResponse{Status: rec.Code, Header: rec.Header(), Body: rec.Body.String()}
	if ct := rec.Header().Get("Content-Type"); len(ct) >= 16 && ct[:16] == "application/json" {
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), out), "body: %s", out.Body)
	}
	return out
}

// gql posts query with headers.
func gql(t testing.TB, h http.Handler, headers testenv.Headers, query string, vars map[string]any) *gqlResponse {
	t.Helper()
	return send(t, h, request{headers: headers, query: query, vars: vars})
}

// requireErrorCode checks a refused request: its HTTP status (unless 0), and that every
// error has code.
func requireErrorCode(t testing.TB, r *gqlResponse, status int, code string) {
	t.Helper()
	if status != 0 {
		require.Equal(t, status, r.Status, "body: %s", r.Body)
	}
	require.NotEmpty(t, r.Errors, "body: %s", r.Body)
	for _, e := range r.Errors {
		require.Equal(t, code, e.Extensions["code"], "error %q", e.Message)
	}
}

// apiWith is a second API over the fixture's database, configured by change; the
// fixture's principals work on it, since it shares the JWT secret.
func apiWith(t testing.TB, db *testenv.DB, change func(*config.Config)) http.Handler {
	t.Helper()
	cfg := testenv.Config()
	change(&cfg)
	return testenv.NewAPI(t, db, cfg).Handler
}

// uniqueClient is a client address no other test uses, so rate-limit buckets in a
// shared Redis never meet.
func uniqueClient() string {
	return fmt.Sprintf("10.%d.%d.%d:4321", rand.IntN(256), rand.IntN(256), 1+rand.IntN(254))
}

func id(n int) string { return strconv.Itoa(n) }

func sys() context.Context { return viewer.SystemContext(context.Background(), "server-test") }

// assertNoData checks nothing was executed: data is absent or null.
func assertNoData(t testing.TB, r *gqlResponse) {
	t.Helper()
	if len(r.Data) > 0 {
		require.JSONEq(t, "null", string(r.Data), "data should be null")
	}
}
