// Package dnstest runs a real DNS server on a loopback UDP port, answering TXT queries
// from records a test publishes, so domain verification is tested through the same
// resolver code production uses (tenancy.DNSLookup with CITYOS_DNS_RESOLVER).
package dnstest

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/miekg/dns"

	"github.com/dakkah/cityos/tenancy"
)

// Server is a DNS server for one test.
type Server struct {
	// Addr is the server's "host:port", for CITYOS_DNS_RESOLVER.
	Addr string

	mu      sync.Mutex
	records map[string][]string
	lookup  tenancy.TXTLookup
}

// Start starts a server, shut down when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("dns: listen: %v", err)
	}
	s := &Server{Addr: pc.LocalAddr().String(), records: map[string][]string{}}
	s.lookup = tenancy.DNSLookup(s.Addr)
	started := make(chan struct{})
	srv := &dns.Server{PacketConn: pc, Handler: dns.HandlerFunc(s.serve), NotifyStartedFunc: func() { close(started) }}
	go func() { _ = srv.ActivateAndServe() }()
	<-started
	t.Cleanup(func() { _ = srv.Shutdown() })
	return s
}

// Publish sets the TXT values of a name (none: the name is gone).
func (s *Server) Publish(name string, values ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records[strings.TrimSuffix(strings.ToLower(name), ".")] = values
}

// LookupTXT asks the server, the way the platform does when configured with Addr.
func (s *Server) LookupTXT(ctx context.Context, name string) ([]string, error) {
	return s.lookup(ctx, name)
}

func (s *Server) serve(w dns.ResponseWriter, r *dns.Msg) {
	m := new(dns.Msg)
	m.SetReply(r)
	m.Authoritative = true
	s.mu.Lock()
	for _, q := range r.Question {
		values, ok := s.records[strings.TrimSuffix(strings.ToLower(q.Name), ".")]
		if !ok || len(values) == 0 {
			m.Rcode = dns.RcodeNameError
			continue
		}
		if q.Qtype != dns.TypeTXT {
			continue
		}
		for _, v := range values {
			m.Answer = append(m.Answer, &dns.TXT{Hdr: dns.RR_Header{Name: q.Name, Rrtype: dns.TypeTXT, Class: dns.ClassINET}, Txt: []string{v}})
		}
	}
	s.mu.Unlock()
	_ = w.WriteMsg(m)
}
