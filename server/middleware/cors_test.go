package middleware

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
)

func corsDo(allowed []string, method, origin string, preflight bool) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "/graphql", nil)
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if preflight {
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
	}
	rec := httptest.NewRecorder()
	CORS(allowed)(okHandler).ServeHTTP(rec, req)
	return rec
}

func TestCORSAllowed(t *testing.T) {
	rec := corsDo([]string{"https://shop.example.com/"}, http.MethodPost, "https://Shop.example.com", false)
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, "https://Shop.example.com", rec.Header().Get("Access-Control-Allow-Origin"))
	assert.Contains(t, rec.Header().Values("Vary"), "Origin")
	assert.Contains(t, rec.Header().Get("Access-Control-Expose-Headers"), "X-Request-Id")
	assert.Empty(t, rec.Header().Get("Access-Control-Allow-Credentials"))
}

func TestCORSDisallowed(t *testing.T) {
	rec := corsDo([]string{"https://shop.example.com"}, http.MethodPost, "https://evil.example.com", false)
	assert.Equal(t, http.StatusOK, rec.Code, "the request is served; the browser hides it")
	assert.Empty(t, rec.Header().Get("Access-Control-Allow-Origin"))
	assert.Empty(t, rec.Header().Get("Access-Control-Expose-Headers"))
	assert.Contains(t, rec.Header().Values("Vary"), "Origin")

	pre := corsDo([]string{"https://shop.example.com"}, http.MethodOptions, "https://evil.example.com", true)
	assert.Equal(t, http.StatusNoContent, pre.Code)
	assert.Empty(t, pre.Header().Get("Access-Control-Allow-Origin"))
	assert.Empty(t, pre.Header().Get("Access-Control-Allow-Methods"))
}

func TestCORSPreflight(t *testing.T) {
	rec := corsDo([]string{"https://shop.example.com"}, http.MethodOptions, "https://shop.example.com", true)
	assert.Equal(t, http.StatusNoContent, rec.Code)
	assert.Empty(t, rec.Body.String(), "the next handler is not called")
	assert.Equal(t, "https://shop.example.com", rec.Header().Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "GET, POST, OPTIONS", rec.Header().Get("Access-Control-Allow-Methods"))
	for _, h := range []string{"Authorization", "Content-Type", "X-Api-Key", "X-Publishable-Key", "X-Store-Host", "X-Store-Path", "X-Store-Hint", "X-Request-Id"} {
		assert.Contains(t, rec.Header().Get("Access-Control-Allow-Headers"), h)
	}
	assert.NotEmpty(t, rec.Header().Get("Access-Control-Max-Age"))
	assert.Contains(t, rec.Header().Values("Vary"), "Origin")
}

func TestCORSWildcard(t *testing.T) {
	rec := corsDo([]string{"*"}, http.MethodPost, "https://anything.example", false)
	assert.Equal(t, "*", rec.Header().Get("Access-Control-Allow-Origin"))

	rec = corsDo([]string{"*"}, http.MethodPost, "", false)
	assert.Empty(t, rec.Header().Get("Access-Control-Allow-Origin"), "no Origin, not a CORS request")
}
