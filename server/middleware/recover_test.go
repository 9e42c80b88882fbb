package middleware

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecoverHidesPanic(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	h := AssignRequestID(AccessLog(logger, false)(Recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("db password is hunter2")
	}))))
	req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	req.Header.Set(RequestIDHeader, "rid-panic")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	assert.NotContains(t, rec.Body.String(), "hunter2")
	b := decodeErr(t, rec)
	assert.Equal(t, "internal error", b.Errors[0].Message)
	assert.Equal(t, "INTERNAL", b.Errors[0].Extensions["code"])
	assert.Equal(t, "rid-panic", b.Errors[0].Extensions["requestId"])

	// The operator, unlike the client, gets the panic and where it came from.
	assert.Contains(t, logs.String(), "hunter2")
	assert.Contains(t, logs.String(), "recover_test.go")
	assert.Contains(t, logs.String(), "status=500")
}

func TestRecoverAfterWriteAborts(t *testing.T) {
	h := Recover(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("partial"))
		panic("late")
	}))
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	require.PanicsWithValue(t, http.ErrAbortHandler, func() {
		h.ServeHTTP(httptest.NewRecorder(), req)
	})
}

func TestRecoverPassesThrough(t *testing.T) {
	rec := httptest.NewRecorder()
	Recover(okHandler).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "ok", rec.Body.String())
}
