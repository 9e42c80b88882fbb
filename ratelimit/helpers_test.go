package ratelimit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// testRedis is the Redis at CITYOS_TEST_REDIS_URL, else an in-process one, and a key
// prefix of the test's own (tests may share a server).
func testRedis(t *testing.T) (*redis.Client, string) {
	t.Helper()
	var rdb *redis.Client
	if u := os.Getenv("CITYOS_TEST_REDIS_URL"); u != "" {
		opt, err := redis.ParseURL(u)
		if err != nil {
			t.Fatalf("CITYOS_TEST_REDIS_URL: %v", err)
		}
		rdb = redis.NewClient(opt)
		if err := rdb.Ping(context.Background()).Err(); err != nil {
			t.Fatalf("redis: %v", err)
		}
	} else {
		mr := miniredis.RunT(t)
		rdb = redis.NewClient(&redis.Options{Addr: mr.Addr()})
	}
	t.Cleanup(func() { _ = rdb.Close() })
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return rdb, "test:" + hex.EncodeToString(b) + ":"
}

// clock is a time tests move by hand.
type clock struct{ t time.Time }

func newClock() *clock               { return &clock{t: time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)} }
func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }

// admit asks for n requests of key and counts those allowed.
func admit(l *Limiter, key string, limit Limit, n int) int {
	ok := 0
	for range n {
		if l.Allow(key, limit).Allowed {
			ok++
		}
	}
	return ok
}
