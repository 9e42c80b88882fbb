package middleware

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/dakkah/cityos/reqid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll answers like gqlgen does when the body cannot be read: 400.
func readAll(called *bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*called = true
		b, err := io.ReadAll(r.Body)
		if err != nil {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"errors":[{"message":"json request body could not be read"}]}`))
			return
		}
		_, _ = w.Write(b)
	})
}

// onlyReader hides the concrete type so the request has no known length.
type onlyReader struct{ io.Reader }

func TestBodyLimitContentLength(t *testing.T) {
	var called bool
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(strings.Repeat("x", 11)))
	req = req.WithContext(reqid.With(req.Context(), "rid-big"))
	require.EqualValues(t, 11, req.ContentLength)
	rec := httptest.NewRecorder()
	BodyLimit(10)(readAll(&called)).ServeHTTP(rec, req)

	assert.False(t, called, "answered before reading")
	assert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
	b := decodeErr(t, rec)
	assert.Equal(t, "BAD_USER_INPUT", b.Errors[0].Extensions["code"])
	assert.Equal(t, "rid-big", b.Errors[0].Extensions["requestId"])
}

func TestBodyLimitChunked(t *testing.T) {
	var called bool
	req := httptest.NewRequest(http.MethodPost, "/graphql", onlyReader{strings.NewReader(strings.Repeat("x", 11))})
	req.ContentLength = -1
	rec := httptest.NewRecorder()
	BodyLimit(10)(readAll(&called)).ServeHTTP(rec, req)

	assert.True(t, called)
	assert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
	b := decodeErr(t, rec)
	assert.Equal(t, "BAD_USER_INPUT", b.Errors[0].Extensions["code"])
	assert.NotContains(t, rec.Body.String(), "could not be read", "the handler's reply is replaced")
}

func TestBodyLimitChunkedRealServer(t *testing.T) {
	var called bool
	var te []string
	limited := BodyLimit(10)(readAll(&called))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		te = r.TransferEncoding
		limited.ServeHTTP(w, r)
	}))
	defer srv.Close()
	resp, err := http.Post(srv.URL, "application/json", onlyReader{strings.NewReader(strings.Repeat("x", 1000))})
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, []string{"chunked"}, te)
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	body, _ := io.ReadAll(resp.Body)
	assert.Contains(t, string(body), "BAD_USER_INPUT")
}

func TestBodyLimitUnderLimit(t *testing.T) {
	var called bool
	for _, body := range []io.Reader{strings.NewReader("0123456789"), onlyReader{strings.NewReader("0123456789")}} {
		req := httptest.NewRequest(http.MethodPost, "/graphql", body)
		rec := httptest.NewRecorder()
		BodyLimit(10)(readAll(&called)).ServeHTTP(rec, req)
		assert.Equal(t, http.StatusOK, rec.Code)
		assert.Equal(t, "0123456789", rec.Body.String())
	}
}
