package middleware

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/reqid"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func byHeaderKey(r *http.Request) string { return r.Header.Get("X-Api-Key") }

func limitedDo(h http.Handler, key string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	req.Header.Set("X-Api-Key", key)
	req = req.WithContext(reqid.With(req.Context(), "rid-"+key))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestRateLimiter(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	l := ratelimit.New(ratelimit.Config{Redis: rdb})
	t.Cleanup(l.Close)
	h := NewRateLimiter(l, ratelimit.PerMinute(3), byHeaderKey)(okHandler)

	for i := range 3 {
		rec := limitedDo(h, "a")
		require.Equal(t, http.StatusOK, rec.Code, "request %d", i+1)
		assert.Equal(t, strconv.Itoa(2-i), rec.Header().Get("X-RateLimit-Remaining"))
	}

	rec := limitedDo(h, "a")
	require.Equal(t, http.StatusTooManyRequests, rec.Code)
	retry, err := strconv.Atoi(rec.Header().Get("Retry-After"))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, retry, 1)
	assert.LessOrEqual(t, retry, 60)
	assert.Equal(t, "0", rec.Header().Get("X-RateLimit-Remaining"))
	b := decodeErr(t, rec)
	assert.Equal(t, "rate limit exceeded", b.Errors[0].Message)
	assert.Equal(t, "RATE_LIMITED", b.Errors[0].Extensions["code"])
	assert.EqualValues(t, retry, b.Errors[0].Extensions["retryAfter"])
	assert.Equal(t, "rid-a", b.Errors[0].Extensions["requestId"])

	assert.Equal(t, http.StatusOK, limitedDo(h, "b").Code, "another key has its own bucket")
	assert.Equal(t, http.StatusOK, limitedDo(h, "").Code, "no key, no limit")
}

// With its Redis down the limiter answers from the instance's own buckets: requests
// within the limit pass (a Redis outage refuses nothing), and the limit still holds on
// this instance.
func TestRateLimiterFailsOpen(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr(), MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	l := ratelimit.New(ratelimit.Config{Redis: rdb, SyncEvery: time.Millisecond})
	t.Cleanup(l.Close)
	h := NewRateLimiter(l, ratelimit.PerMinute(2), byHeaderKey)(okHandler)
	mr.Close()

	for i := range 2 {
		rec := limitedDo(h, "a")
		assert.Equal(t, http.StatusOK, rec.Code)
		assert.Equal(t, strconv.Itoa(1-i), rec.Header().Get("X-RateLimit-Remaining"))
	}
	require.Error(t, l.Sync(context.Background()))
	assert.Equal(t, http.StatusTooManyRequests, limitedDo(h, "a").Code)
	assert.Equal(t, http.StatusOK, limitedDo(h, "b").Code)
}

func TestClientIP(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.RemoteAddr = "10.0.0.1:1234"
	req.Header.Set("X-Forwarded-For", "203.0.113.9, 10.0.0.1")

	assert.Equal(t, "10.0.0.1", ClientIP(req, false), "header ignored without trust")
	assert.Equal(t, "203.0.113.9", ClientIP(req, true))

	req.Header.Set("X-Forwarded-For", "not-an-ip")
	assert.Equal(t, "10.0.0.1", ClientIP(req, true), "garbage falls back to RemoteAddr")

	req.Header.Del("X-Forwarded-For")
	assert.Equal(t, "10.0.0.1", ClientIP(req, true))

	req.RemoteAddr = "[2001:db8::1]:443"
	assert.Equal(t, "2001:db8::1", ClientIP(req, false))
}
