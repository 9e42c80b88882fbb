// Package reqcache holds values for the length of one request, so the resolvers of a
// page can share one batch load instead of each querying on its own.
package reqcache

import (
	"context"
	"sync"
)

type ctxKey struct{}

// Cache is a request's store of loaded values.
type Cache struct {
	m    sync.Map // key → *entry, computed once
	kept sync.Map // key → the value last kept (see Keep)
}

// New returns ctx carrying an empty cache.
func New(ctx context.Context) context.Context {
	return context.WithValue(ctx, ctxKey{}, &Cache{})
}

type entry struct {
	once sync.Once
	val  any
	err  error
}

// Load returns the value under key, computing it with load the first time it is asked
// for in this request; concurrent callers wait for that one computation. Without a
// cache in ctx it just calls load.
func Load[T any](ctx context.Context, key any, load func() (T, error)) (T, error) {
	c, ok := ctx.Value(ctxKey{}).(*Cache)
	if !ok {
		return load()
	}
	e, _ := c.m.LoadOrStore(key, &entry{})
	en := e.(*entry)
	en.once.Do(func() { en.val, en.err = load() })
	if en.err != nil {
		var zero T
		return zero, en.err
	}
	return en.val.(T), nil
}

// Keep records val under key for the rest of the request, replacing what was kept
// there: the latest state of something the request itself changes (a cart that its
// next mutation changes again). Without a cache in ctx it does nothing.
func Keep(ctx context.Context, key, val any) {
	if c, ok := ctx.Value(ctxKey{}).(*Cache); ok {
		c.kept.Store(key, val)
	}
}

// Kept returns what Keep last recorded under key in this request.
func Kept[T any](ctx context.Context, key any) (T, bool) {
	var zero T
	c, ok := ctx.Value(ctxKey{}).(*Cache)
	if !ok {
		return zero, false
	}
	v, ok := c.kept.Load(key)
	if !ok {
		return zero, false
	}
	t, ok := v.(T)
	return t, ok
}
