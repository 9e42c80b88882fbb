package testenv

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/hibiken/asynq"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/app"
	"github.com/dakkah/cityos/config"
)

// API is the whole HTTP API over a test database.
type API struct {
	App     *app.Instance
	Handler http.Handler
	DB      *DB
	// Deadline, when set, bounds each request: a request stuck waiting (for a database
	// connection, say) fails instead of hanging the test.
	Deadline time.Duration
	// Mail is what the platform sent (invitations).
	Mail *Mailbox
}

// Config is the configuration tests run the API with; change it before NewAPI.
func Config() config.Config {
	return config.Config{
		Port: "0", PlatformDomain: "dakkah.test", Env: "dev",
		JWTSecret:   "test-secret-test-secret-test-secret-0123456789",
		CORSOrigins: []string{"*"}, BodyLimit: 1 << 20, RateLimit: 100000,
		MaxComplexity: 20000, MaxDepth: 12, AuthFailureLimit: 100000,
		WebhookAllowHTTPLocalhost: true, // as in dev
	}
}

// NewAPI assembles the platform over db with cfg.
func NewAPI(t testing.TB, db *DB, cfg config.Config) *API {
	t.Helper()
	rdb, addr := Redis(t)
	return NewAPIWithRedis(t, db, cfg, rdb, addr)
}

// NewAPIWithRedis is NewAPI over the given Redis: API instances sharing one (give them
// the same cfg.EventsChannel to share subscriptions' events). Without a channel, the
// API's is its own, so tests sharing a Redis server never see each other's events.
func NewAPIWithRedis(t testing.TB, db *DB, cfg config.Config, rdb *redis.Client, addr string) *API {
	t.Helper()
	if cfg.EventsChannel == "" {
		cfg.EventsChannel = "test:" + randomHex(8) + ":events"
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	inst, err := app.Assemble(cfg, log, db.Client, db.SQL, rdb, addr)
	if err != nil {
		t.Fatalf("assemble: %v", err)
	}
	t.Cleanup(inst.Close) // what the instance started: its limiter, its live feed
	mail := &Mailbox{}
	inst.Tenancy.Mail = mail
	inst.Integrations.Egress.Resolver = TestDNS
	// Sync jobs' tasks go to a queue of this test's own: tests share a Redis.
	queue := "test-" + randomHex(6)
	inst.Syncs.Options = []asynq.Option{asynq.Queue(queue)}
	t.Cleanup(func() { _ = asynq.NewInspectorFromRedisClient(rdb).DeleteQueue(queue, true) })
	return &API{App: inst, Handler: inst.Handler(), DB: db, Mail: mail}
}

// Response is a GraphQL response.
type Response struct {
	Status int
	Header http.Header
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// Code is the extensions.code of the first error, or "" when there is none.
func (r *Response) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// Decode unmarshals data into v.
func (r *Response) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("decode %s: %v", r.Data, err)
	}
}

// Headers are request headers: a principal's credentials, a store host…
type Headers map[string]string

// Do posts a GraphQL operation and returns the parsed response.
func (a *API) Do(t testing.TB, h Headers, query string, vars map[string]any) *Response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range h {
		req.Header.Set(k, v)
	}
	if a.Deadline > 0 {
		ctx, cancel := context.WithTimeout(req.Context(), a.Deadline)
		defer cancel()
		req = req.WithContext(ctx)
	}
	rec := httptest.NewRecorder()
	a.Handler.ServeHTTP(rec, req)
	out := &Response{Status: rec.Code, Header: rec.Header()}
	if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
		t.Fatalf("response is not JSON (%d): %s", rec.Code, rec.Body.String())
	}
	return out
}

// MustDo is Do that fails the test on any GraphQL error.
func (a *API) MustDo(t testing.TB, h Headers, query string, vars map[string]any) *Response {
	t.Helper()
	r := a.Do(t, h, query, vars)
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v (data %s)", r.Errors, r.Data)
	}
	return r
}
