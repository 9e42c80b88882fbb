package middleware

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type readyBody struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}

func TestHealth(t *testing.T) {
	rec := httptest.NewRecorder()
	Health().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.JSONEq(t, `{"status":"ok"}`, rec.Body.String())
}

func ready(t *testing.T, checks map[string]func(context.Context) error) (int, readyBody) {
	t.Helper()
	rec := httptest.NewRecorder()
	Ready(checks).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	var b readyBody
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &b))
	return rec.Code, b
}

func TestReadyOK(t *testing.T) {
	ok := func(context.Context) error { return nil }
	code, b := ready(t, map[string]func(context.Context) error{"database": ok, "redis": ok})
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok", b.Status)
	assert.Equal(t, map[string]string{"database": "ok", "redis": "ok"}, b.Checks)
}

func TestReadyFailing(t *testing.T) {
	code, b := ready(t, map[string]func(context.Context) error{
		"database": func(context.Context) error { return nil },
		"redis":    func(context.Context) error { return errors.New("connection refused") },
	})
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Equal(t, "unavailable", b.Status)
	assert.Equal(t, "ok", b.Checks["database"])
	assert.Equal(t, "connection refused", b.Checks["redis"])
}

func TestReadyTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	code, b := ready(t, map[string]func(context.Context) error{
		// Ignores its context: the probe must still answer (it returns at all only if
		// the handler stops waiting for it), and report the timeout.
		"database": func(context.Context) error { <-release; return nil },
		"redis":    func(ctx context.Context) error { <-ctx.Done(); return ctx.Err() },
	})
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Contains(t, b.Checks["database"], "timeout")
	assert.Contains(t, b.Checks["redis"], "timeout")
}
