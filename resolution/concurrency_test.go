package resolution

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run with -race: resolves, invalidations and directory changes all at once.
func TestConcurrentUse(t *testing.T) {
	dir := seeded()
	r := NewResolver(dir, "dakkah.com", WithMaxEntries(16))
	ctx := context.Background()
	requests := [][3]string{
		{"acme.dakkah.com", "/", ""},
		{"shop.example.com", "/", ""},
		{"mall.dakkah.com", "/stores/shoes", ""},
		{"www.dakkah.com", "/stores/beta", ""},
		{"", "", "acme"},
		{"nobody.dakkah.com", "/", ""},
	}

	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 300 {
				in := requests[(g+i)%len(requests)]
				if i%7 == 0 {
					in[0] = fmt.Sprintf("h%d.example.com", i) // churn the bounded cache
				}
				_, _, err := r.Resolve(ctx, in[0], in[1], in[2])
				assert.NoError(t, err)
			}
		})
	}
	wg.Go(func() {
		for i := range 100 {
			dir.setStoreSub(fmt.Sprintf("new%d", i), 1000+i)
			r.Invalidate()
		}
	})
	wg.Wait()

	// Whatever happened, answers are still right afterwards.
	m, ok, err := r.Resolve(ctx, "mall.dakkah.com", "/stores/shoes", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, Match{StoreID: 4, Strategy: Path}, m)
	assert.LessOrEqual(t, r.cache.len(), 16)
}

// Concurrent misses for one request share a lookup instead of stampeding the database.
func TestConcurrentMissesCollapse(t *testing.T) {
	dir := seeded()
	gate := make(chan struct{})
	dir.mu.Lock()
	dir.gate = gate
	dir.mu.Unlock()
	r := NewResolver(dir, "dakkah.com")

	const n = 50
	var wg, asking sync.WaitGroup
	asking.Add(n)
	for range n {
		wg.Go(func() {
			asking.Done()
			m, ok, err := r.Resolve(context.Background(), "acme.dakkah.com", "/", "")
			assert.NoError(t, err)
			assert.True(t, ok)
			assert.Equal(t, 1, m.StoreID)
		})
	}
	// The leader's lookup is held at the gate until every request has been made: each of
	// the others joins the flight or, arriving after it, finds the cached answer.
	require.Eventually(t, func() bool { return dir.callCount() > 0 }, 5*time.Second, time.Millisecond)
	asking.Wait()
	close(gate)
	wg.Wait()

	// One resolution's lookups (domain, then subdomain); uncollapsed, every request that
	// missed the cache would make its own two.
	assert.Equal(t, 2, dir.callCount())
}

// A follower whose leader's request was cancelled still gets an answer.
func TestCancelledLeaderDoesNotFailFollowers(t *testing.T) {
	dir := seeded()
	gate := make(chan struct{})
	dir.mu.Lock()
	dir.gate = gate
	dir.mu.Unlock()
	r := NewResolver(dir, "dakkah.com")
	joined := make(chan struct{}, 2)
	r.inFlight = func() { joined <- struct{}{} }

	leaderCtx, cancelLeader := context.WithCancel(context.Background())
	leaderDone := make(chan error, 1)
	go func() {
		_, _, err := r.Resolve(leaderCtx, "acme.dakkah.com", "/", "")
		leaderDone <- err
	}()
	<-joined // the leader's lookup is in flight, and reaches the directory:
	require.Eventually(t, func() bool { return dir.callCount() > 0 }, 5*time.Second, time.Millisecond)

	followerDone := make(chan Match, 1)
	go func() {
		m, _, err := r.Resolve(context.Background(), "acme.dakkah.com", "/", "")
		assert.NoError(t, err)
		followerDone <- m
	}()
	<-joined // the follower waits on the leader's flight
	require.Equal(t, 1, dir.callCount(), "held at the gate, the leader's lookup is the only one")
	cancelLeader()
	assert.ErrorIs(t, <-leaderDone, context.Canceled)
	close(gate)

	select {
	case m := <-followerDone:
		assert.Equal(t, Match{StoreID: 1, Strategy: Subdomain}, m)
	case <-time.After(5 * time.Second):
		t.Fatal("follower never finished")
	}
}
