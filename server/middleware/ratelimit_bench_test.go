package middleware

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/ratelimit"
)

// benchRedis is the Redis the limiter benchmarks use: CITYOS_TEST_REDIS_URL when set,
// else an in-process one.
func benchRedis(b *testing.B) *redis.Client {
	if u := os.Getenv("CITYOS_TEST_REDIS_URL"); u != "" {
		opt, err := redis.ParseURL(u)
		if err != nil {
			b.Fatal(err)
		}
		rdb := redis.NewClient(opt)
		b.Cleanup(func() { _ = rdb.Close() })
		return rdb
	}
	mr := miniredis.RunT(b)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	b.Cleanup(func() { _ = rdb.Close() })
	return rdb
}

// BenchmarkRateLimiter: one caller's requests through the limiter, in parallel, at a
// limit they never reach: the instance alone (no Redis), and sharing a Redis (synced
// every 100 ms in the background).
func BenchmarkRateLimiter(b *testing.B) {
	b.Run("alone", func(b *testing.B) { benchLimiter(b, ratelimit.New(ratelimit.Config{})) })
	b.Run("shared", func(b *testing.B) {
		benchLimiter(b, ratelimit.New(ratelimit.Config{Redis: benchRedis(b), Prefix: "bench:ratelimit:"}))
	})
}

func benchLimiter(b *testing.B, l *ratelimit.Limiter) {
	b.Cleanup(l.Close)
	h := NewRateLimiter(l, ratelimit.PerMinute(1_000_000_000), func(*http.Request) string { return "bench" })(okHandler)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		for pb.Next() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d", rec.Code)
			}
		}
	})
}
