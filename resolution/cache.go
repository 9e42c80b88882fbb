package resolution

import (
	"container/list"
	"sync"
	"time"
)

// cache is a bounded LRU of answers, negative ones included, each with an expiry.
//
// The generation counter closes a race: a lookup that started before Invalidate may
// return data read before the change; storing it would serve stale answers for a whole
// TTL after the invalidation. put therefore drops results from an older generation.
type cache struct {
	mu    sync.Mutex
	max   int
	gen   uint64
	order *list.List // front = most recently used; elements hold *entry
	items map[query]*list.Element
}

type entry struct {
	key     query
	match   Match
	ok      bool
	expires time.Time
}

func newCache(max int) *cache {
	return &cache{max: max, order: list.New(), items: make(map[query]*list.Element)}
}

// get returns a live entry; expired ones are dropped on sight.
func (c *cache) get(key query, now time.Time) (Match, bool, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, found := c.items[key]
	if !found {
		return Match{}, false, false
	}
	e := el.Value.(*entry)
	if !now.Before(e.expires) {
		c.remove(el)
		return Match{}, false, false
	}
	c.order.MoveToFront(el)
	return e.match, e.ok, true
}

// generation is read before a lookup starts and handed back to put.
func (c *cache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

func (c *cache) put(key query, gen uint64, m Match, ok bool, expires time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if el, found := c.items[key]; found {
		*el.Value.(*entry) = entry{key: key, match: m, ok: ok, expires: expires}
		c.order.MoveToFront(el)
		return
	}
	// Least recently used goes first: hot stores stay, one-off junk hosts leave.
	for c.order.Len() >= c.max {
		c.remove(c.order.Back())
	}
	c.items[key] = c.order.PushFront(&entry{key: key, match: m, ok: ok, expires: expires})
}

func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.order.Init()
	clear(c.items)
}

func (c *cache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

func (c *cache) remove(el *list.Element) {
	c.order.Remove(el)
	delete(c.items, el.Value.(*entry).key)
}
