package resolution

import (
	"context"
	"sync"
	"time"
)

// fakeDir is an in-memory Directory. It counts calls so tests can tell cache hits from
// lookups, and can be told to fail or to block.
type fakeDir struct {
	mu         sync.Mutex
	domains    map[string]int         // verified custom domain -> store
	storeSubs  map[string]int         // store subdomain -> store
	tenantSubs map[string]int         // tenant subdomain -> tenant
	handles    map[int]map[string]int // tenant -> handle -> store
	err        error                  // returned by every call when set
	calls      int
	gate       chan struct{} // when set, every call waits on it
}

func newFakeDir() *fakeDir {
	return &fakeDir{
		domains:    map[string]int{},
		storeSubs:  map[string]int{},
		tenantSubs: map[string]int{},
		handles:    map[int]map[string]int{},
	}
}

func (f *fakeDir) enter(ctx context.Context) error {
	f.mu.Lock()
	f.calls++
	gate, err := f.gate, f.err
	f.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}

func (f *fakeDir) lookup(ctx context.Context, get func() (int, bool)) (int, bool, error) {
	if err := f.enter(ctx); err != nil {
		return 0, false, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	id, ok := get()
	return id, ok, nil
}

func (f *fakeDir) StoreByVerifiedDomain(ctx context.Context, hostname string) (int, bool, error) {
	return f.lookup(ctx, func() (int, bool) { id, ok := f.domains[hostname]; return id, ok })
}

func (f *fakeDir) StoreBySubdomain(ctx context.Context, label string) (int, bool, error) {
	return f.lookup(ctx, func() (int, bool) { id, ok := f.storeSubs[label]; return id, ok })
}

func (f *fakeDir) TenantBySubdomain(ctx context.Context, label string) (int, bool, error) {
	return f.lookup(ctx, func() (int, bool) { id, ok := f.tenantSubs[label]; return id, ok })
}

func (f *fakeDir) StoreByTenantHandle(ctx context.Context, tenantID int, handle string) (int, bool, error) {
	return f.lookup(ctx, func() (int, bool) { id, ok := f.handles[tenantID][handle]; return id, ok })
}

func (f *fakeDir) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

func (f *fakeDir) setErr(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.err = err
}

func (f *fakeDir) setStoreSub(label string, id int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.storeSubs[label] = id
}

// seeded is the data most tests share. "beta" is both a store subdomain and (as
// beta.dakkah.com) a verified custom domain of another store; "clash" is both a store
// and a tenant subdomain.
func seeded() *fakeDir {
	f := newFakeDir()
	f.storeSubs["acme"] = 1
	f.domains["shop.example.com"] = 2
	f.storeSubs["beta"] = 3
	f.domains["beta.dakkah.com"] = 30
	f.tenantSubs["mall"] = 100
	f.handles[100] = map[string]int{"shoes": 4, "hats": 5}
	f.storeSubs["clash"] = 7
	f.storeSubs["kiosk"] = 9
	f.tenantSubs["clash"] = 200
	f.handles[200] = map[string]int{"shoes": 8}
	return f
}

// fakeClock is a settable clock for TTL tests.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
