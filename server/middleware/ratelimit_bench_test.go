package middleware

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
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
// limit they never reach.
func BenchmarkRateLimiter(b *testing.B) {
	h := NewRateLimiter(benchRedis(b), redis_rate.PerMinute(1_000_000_000), func(*http.Request) string { return "bench" })(okHandler)
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
