package middleware

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dakkah/cityos/reqid"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func serveID(t *testing.T, sent string) (ctxID, headerID string) {
	t.Helper()
	h := AssignRequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctxID = reqid.From(r.Context())
	}))
	req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	if sent != "" {
		req.Header.Set(RequestIDHeader, sent)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return ctxID, rec.Header().Get(RequestIDHeader)
}

func TestRequestIDGenerated(t *testing.T) {
	ctxID, hdr := serveID(t, "")
	require.NotEmpty(t, ctxID)
	assert.Equal(t, ctxID, hdr)
	_, err := uuid.Parse(ctxID)
	assert.NoError(t, err)
}

func TestRequestIDEchoed(t *testing.T) {
	ctxID, hdr := serveID(t, "abc-123_X.y")
	assert.Equal(t, "abc-123_X.y", ctxID)
	assert.Equal(t, "abc-123_X.y", hdr)
}

func TestRequestIDRejectedWhenInsane(t *testing.T) {
	for _, bad := range []string{
		"has space",
		"line\nbreak",
		"<script>",
		"quote\"",
		strings.Repeat("a", 129),
	} {
		ctxID, hdr := serveID(t, bad)
		assert.NotEqual(t, bad, ctxID, "%q", bad)
		assert.Equal(t, ctxID, hdr)
		_, err := uuid.Parse(ctxID)
		assert.NoError(t, err, "%q should be replaced by a uuid", bad)
	}
	ctxID, _ := serveID(t, strings.Repeat("a", 128))
	assert.Equal(t, strings.Repeat("a", 128), ctxID, "128 chars is still fine")
}

func TestRequestIDContextHelpers(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	assert.Equal(t, "", reqid.From(req.Context()))
	assert.Equal(t, "x", reqid.From(reqid.With(req.Context(), "x")))
}
