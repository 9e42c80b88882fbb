package main

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/dakkah/cityos/stdwebhook"
)

// receiver is a webhook consumer as a tenant's system would run one: it verifies each
// delivery's signature, de-duplicates by webhook-id and measures each event's lag, from
// the moment the change was written (the body's timestamp) to its arrival.
type receiver struct {
	secret string

	mu       sync.Mutex
	seen     map[string]bool
	lags     []time.Duration
	bad      int
	dupes    int
	first    time.Time
	last     time.Time
	received chan struct{}
}

func newReceiver(secret string) *receiver {
	return &receiver{secret: secret, seen: map[string]bool{}, received: make(chan struct{}, 1)}
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(req.Body)
	now := time.Now()
	if err != nil {
		http.Error(w, "unreadable", http.StatusBadRequest)
		return
	}
	id, err := stdwebhook.Verify(req.Header, body, now, r.secret)
	var msg struct {
		Timestamp time.Time `json:"timestamp"`
	}
	if err == nil {
		err = json.Unmarshal(body, &msg)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.bad++
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if r.seen[id] {
		r.dupes++
		w.WriteHeader(http.StatusNoContent)
		return
	}
	r.seen[id] = true
	r.lags = append(r.lags, now.Sub(msg.Timestamp))
	if r.first.IsZero() {
		r.first = now
	}
	r.last = now
	select {
	case r.received <- struct{}{}:
	default:
	}
	w.WriteHeader(http.StatusNoContent)
}

// listen serves the receiver on a free local port and returns its URL.
func (r *receiver) listen() (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: r, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String() + "/hook", func() { _ = srv.Close() }, nil
}

// stats is what arrived since the last reset: distinct events, the time from the first
// to the last, and lag percentiles.
type stats struct {
	count, bad, dupes int
	span              time.Duration
	p50, p99, max     time.Duration
}

func (r *receiver) reset() stats {
	r.mu.Lock()
	defer r.mu.Unlock()
	lags := r.lags
	s := stats{count: len(lags), bad: r.bad, dupes: r.dupes, span: r.last.Sub(r.first)}
	sort.Slice(lags, func(i, j int) bool { return lags[i] < lags[j] })
	if n := len(lags); n > 0 {
		s.p50, s.p99, s.max = lags[n/2], lags[min(n-1, n*99/100)], lags[n-1]
	}
	r.lags, r.bad, r.dupes, r.first, r.last = nil, 0, 0, time.Time{}, time.Time{}
	return s
}

func (r *receiver) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.lags)
}
