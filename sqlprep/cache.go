package sqlprep

import (
	"container/list"
	"context"
	"database/sql"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// cache holds up to size prepared statements by text, least recently used first out.
//
// A text seen for the first time runs unprepared while it is prepared in the background:
// preparing on the pool takes a connection, and a caller inside a transaction already
// holds one, so waiting there for another could starve the pool. Each connection
// prepares a statement the first time it runs it (database/sql does that, in
// transactions too).
type cache struct {
	db   *sql.DB
	size int

	mu      sync.Mutex
	byText  map[string]*list.Element // of *entry
	recency *list.List               // front: most recently used
	pending map[string]bool          // being prepared
	settled *sync.Cond               // on mu: signalled when pending empties
	closed  bool

	hits   atomic.Int64
	misses atomic.Int64
}

type entry struct {
	text string
	stmt *sql.Stmt
}

// prepareTimeout bounds a background preparation (which waits for a free connection).
const prepareTimeout = 10 * time.Second

func newCache(db *sql.DB, size int) *cache {
	c := &cache{db: db, size: size, byText: map[string]*list.Element{}, recency: list.New(), pending: map[string]bool{}}
	c.settled = sync.NewCond(&c.mu)
	return c
}

// get returns the prepared statement for text, or nil after starting its preparation.
func (c *cache) get(text string) *sql.Stmt {
	c.mu.Lock()
	if el, ok := c.byText[text]; ok {
		c.recency.MoveToFront(el)
		c.mu.Unlock()
		c.hits.Add(1)
		return el.Value.(*entry).stmt
	}
	start := !c.pending[text] && !c.closed
	if start {
		c.pending[text] = true
	}
	c.mu.Unlock()
	c.misses.Add(1)
	if start {
		go c.prepareInBackground(text)
	}
	return nil
}

func (c *cache) prepareInBackground(text string) {
	ctx, cancel := context.WithTimeout(context.Background(), prepareTimeout)
	defer cancel()
	_ = c.prepare(ctx, text) // the text keeps running unprepared; the next use tries again
}

// prepare prepares text on the pool and keeps it, evicting the least recently used
// statement when full.
func (c *cache) prepare(ctx context.Context, text string) error {
	st, err := c.db.PrepareContext(ctx, text)
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, text)
	if len(c.pending) == 0 {
		c.settled.Broadcast()
	}
	if err != nil {
		return err
	}
	if _, ok := c.byText[text]; ok || c.closed {
		_ = st.Close()
		return nil
	}
	c.byText[text] = c.recency.PushFront(&entry{text: text, stmt: st})
	for c.recency.Len() > c.size {
		c.evictLocked(c.recency.Back())
	}
	return nil
}

// evictLocked drops a statement. Closing waits for the transactions using it to end:
// database/sql closes a statement once no one holds it.
func (c *cache) evictLocked(el *list.Element) {
	e := c.recency.Remove(el).(*entry)
	delete(c.byText, e.text)
	_ = e.stmt.Close()
}

// check passes err on, dropping text's statement when the database says its prepared
// form no longer fits the tables (PostgreSQL, after a migration changed a column a
// statement returns), so that the next use prepares it anew.
func (c *cache) check(text string, err error) error {
	if err != nil && strings.Contains(err.Error(), "cached plan must not change result type") {
		c.mu.Lock()
		if el, ok := c.byText[text]; ok {
			c.evictLocked(el)
		}
		c.mu.Unlock()
	}
	return err
}

// close closes every statement and prepares no more.
func (c *cache) close() {
	c.mu.Lock()
	c.closed = true
	for c.recency.Len() > 0 {
		c.evictLocked(c.recency.Back())
	}
	c.waitLocked()
	c.mu.Unlock()
}

// waitLocked waits, holding mu, until no preparation is pending.
func (c *cache) waitLocked() {
	for len(c.pending) > 0 {
		c.settled.Wait()
	}
}

// Stats counts statement runs that found their text prepared (Hits) and those that ran
// unprepared (Misses), and how many texts are prepared now.
type Stats struct {
	Hits, Misses int64
	Prepared     int
}

// Stats reports the cache's counts.
func (d *Driver) Stats() Stats {
	d.stmts.mu.Lock()
	n := d.stmts.recency.Len()
	d.stmts.mu.Unlock()
	return Stats{Hits: d.stmts.hits.Load(), Misses: d.stmts.misses.Load(), Prepared: n}
}

// Settle waits until the preparations started so far have finished, so that the next
// run of those texts is prepared.
func (d *Driver) Settle() {
	d.stmts.mu.Lock()
	d.stmts.waitLocked()
	d.stmts.mu.Unlock()
}
