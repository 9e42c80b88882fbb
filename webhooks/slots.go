package webhooks

import (
	"context"
	"sync"
	"time"
)

// inflight bounds the requests this process has under way to each endpoint. A receiver
// that answers slowly (or not at all, until the timeout) holds at most its endpoint's
// share of the workers: the deliveries beyond it wait in the queue instead, and every
// other endpoint's go on.
type inflight struct {
	mu   sync.Mutex
	sems map[int]chan struct{}
}

// slotWait is how long an attempt waits for one of its endpoint's slots before it goes
// (back) to the queue: long enough to ride out a burst to a fast receiver, short next to
// the second a queued attempt then waits.
const slotWait = 250 * time.Millisecond

// take claims one of the endpoint's max slots, waiting up to slotWait for one; ok is
// false when none came free. release gives the slot back (once).
func (f *inflight) take(ctx context.Context, endpointID, max int) (release func(), ok bool) {
	f.mu.Lock()
	sem := f.sems[endpointID]
	if sem == nil {
		sem = make(chan struct{}, max)
		f.sems[endpointID] = sem
	}
	f.mu.Unlock()
	var once sync.Once
	release = func() { once.Do(func() { <-sem }) }
	select {
	case sem <- struct{}{}:
		return release, true
	default:
	}
	t := time.NewTimer(slotWait)
	defer t.Stop()
	select {
	case sem <- struct{}{}:
		return release, true
	case <-t.C:
	case <-ctx.Done():
	}
	return nil, false
}

// processState is what a Service keeps in memory for its process: the endpoints' slots
// and the attempts' recorder.
type processState struct {
	slots    *inflight
	recorder *recorder
}

// stateInit guards the lazy creation of a Service's processState (a Service is a plain
// struct literal, copied by value before first use).
var stateInit sync.Mutex

func (s *Service) state() *processState {
	stateInit.Lock()
	defer stateInit.Unlock()
	if s.process == nil {
		s.process = &processState{slots: &inflight{sems: map[int]chan struct{}{}}, recorder: &recorder{}}
	}
	return s.process
}

func (s *Service) slots() *inflight { return s.state().slots }

func (s *Service) recorder() *recorder { return s.state().recorder }
