// Package expiring keeps values by key for a while: rows that are read far more often
// than they change, served from memory until they are older than a TTL.
package expiring

import (
	"sync"
	"time"
)

// Map keeps values by key for up to its TTL. It holds at most max entries; when full it
// starts over, which costs a load per key and never a wrong answer.
type Map[K comparable, V any] struct {
	ttl  time.Duration
	max  int
	now  func() time.Time
	mu   sync.Mutex
	kept map[K]entry[V]
}

type entry[V any] struct {
	val V
	at  time.Time // when it was about to be loaded
}

// New returns a Map keeping values for ttl (0 keeps none), at most max of them, telling
// time by now.
func New[K comparable, V any](ttl time.Duration, max int, now func() time.Time) *Map[K, V] {
	return &Map[K, V]{ttl: ttl, max: max, now: now, kept: map[K]entry[V]{}}
}

// Get returns the value kept under key, or loads, keeps and returns it; a failed load is
// not kept. A value's age counts from before its load, so one read just before a change
// is never served longer than ttl after that read.
func (m *Map[K, V]) Get(key K, load func() (V, error)) (V, error) {
	if m.ttl <= 0 {
		return load()
	}
	m.mu.Lock()
	e, ok := m.kept[key]
	m.mu.Unlock()
	if ok && m.now().Sub(e.at) < m.ttl {
		return e.val, nil
	}
	at := m.now()
	v, err := load()
	if err != nil {
		return v, err
	}
	m.mu.Lock()
	if len(m.kept) >= m.max {
		clear(m.kept)
	}
	m.kept[key] = entry[V]{val: v, at: at}
	m.mu.Unlock()
	return v, nil
}

// Forget drops the value under key (after its row changed here).
func (m *Map[K, V]) Forget(key K) {
	m.mu.Lock()
	delete(m.kept, key)
	m.mu.Unlock()
}
