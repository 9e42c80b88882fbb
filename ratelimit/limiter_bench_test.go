package ratelimit

import (
	"strconv"
	"sync/atomic"
	"testing"
)

// BenchmarkAllow: the cost of one check, in parallel: one hot key, and 10,000 keys.
func BenchmarkAllow(b *testing.B) {
	limit := PerMinute(1_000_000_000)
	b.Run("one key", func(b *testing.B) {
		l := New(Config{})
		b.Cleanup(l.Close)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				l.Allow("key:1", limit)
			}
		})
	})
	b.Run("10k keys", func(b *testing.B) {
		l := New(Config{})
		b.Cleanup(l.Close)
		keys := make([]string, 10_000)
		for i := range keys {
			keys[i] = "ip:" + strconv.Itoa(i)
		}
		var n atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			i := int(n.Add(1)) * 7919
			for pb.Next() {
				l.Allow(keys[i%len(keys)], limit)
				i++
			}
		})
	})
}
