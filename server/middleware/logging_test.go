package middleware

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		Logger(r.Context()).Info("inside")
		w.WriteHeader(http.StatusTeapot)
		_, _ = w.Write([]byte("hello"))
	})
	h := AssignRequestID(AccessLog(logger, false)(inner))
	req := httptest.NewRequest(http.MethodPost, "/graphql?token=secret", nil)
	req.Header.Set(RequestIDHeader, "rid-1")
	req.RemoteAddr = "192.0.2.7:5555"
	h.ServeHTTP(httptest.NewRecorder(), req)

	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	require.Len(t, lines, 2)
	var inside, access map[string]any
	require.NoError(t, json.Unmarshal(lines[0], &inside))
	require.NoError(t, json.Unmarshal(lines[1], &access))
	assert.Equal(t, "rid-1", inside["request_id"])

	assert.Equal(t, "http request", access["msg"])
	assert.Equal(t, "POST", access["method"])
	assert.Equal(t, "/graphql", access["path"])
	assert.EqualValues(t, 418, access["status"])
	assert.EqualValues(t, 5, access["bytes"])
	assert.Equal(t, "rid-1", access["request_id"])
	assert.Equal(t, "192.0.2.7", access["remote_ip"])
	assert.Contains(t, access, "duration_ms")
	assert.NotContains(t, buf.String(), "secret")
}

func TestLoggerFallback(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	assert.NotNil(t, Logger(req.Context()))
}
