package ratelimit

import (
	"hash/maphash"
	"sync"
)

const shards = 64

// DefaultMaxKeys bounds how many keys an instance keeps buckets for: clients can mint
// keys (addresses, sign-ups), so memory is bounded whatever they do. A bucket costs
// about 150 bytes.
const DefaultMaxKeys = 100_000

// table is the buckets, sharded so that concurrent requests rarely wait on one lock.
// A shard that is full evicts the bucket closest to empty among a few it samples (an
// empty one when there is one), so a flood of new keys costs the oldest idle ones, and
// sweep drops every empty bucket.
type table struct {
	seed     maphash.Seed
	perShard int
	shards   [shards]shard
}

type shard struct {
	mu      sync.Mutex
	buckets map[string]*bucket
}

func newTable(maxKeys int) *table {
	if maxKeys <= 0 {
		maxKeys = DefaultMaxKeys
	}
	t := &table{seed: maphash.MakeSeed(), perShard: max(maxKeys/shards, 1)}
	for i := range t.shards {
		t.shards[i].buckets = map[string]*bucket{}
	}
	return t
}

func (t *table) shard(key string) *shard {
	return &t.shards[maphash.String(t.seed, key)%shards]
}

// get is key's bucket, made (and room made for it) if there is none; the caller holds
// s.mu.
func (t *table) get(s *shard, key string, now int64) *bucket {
	if b, ok := s.buckets[key]; ok {
		return b
	}
	if len(s.buckets) >= t.perShard {
		s.evictOne(now)
	}
	b := &bucket{}
	s.buckets[key] = b
	return b
}

// evictSample is how many buckets a full shard looks at to choose the one to evict.
const evictSample = 8

func (s *shard) evictOne(now int64) {
	var victim string
	var lowest int64
	n := 0
	for k, b := range s.buckets { // map order is random: a sample
		if n == 0 || b.tat < lowest {
			victim, lowest = k, b.tat
		}
		n++
		if lowest <= now || n == evictSample {
			break
		}
	}
	delete(s.buckets, victim)
}

// sweep drops the buckets that are empty at now and, when they are shared, have nothing
// left to tell Redis: they know nothing a new bucket would not.
func (t *table) sweep(now int64, shared bool) {
	for i := range t.shards {
		s := &t.shards[i]
		s.mu.Lock()
		for k, b := range s.buckets {
			if b.tat <= now && (!shared || b.admitted == 0 && !b.asked) {
				delete(s.buckets, k)
			}
		}
		s.mu.Unlock()
	}
}

// len is how many buckets the table holds.
func (t *table) len() int {
	n := 0
	for i := range t.shards {
		s := &t.shards[i]
		s.mu.Lock()
		n += len(s.buckets)
		s.mu.Unlock()
	}
	return n
}
