package tenancy_test

import (
	"context"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/miekg/dns"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// dnsServer is a real DNS server on a loopback UDP port that answers TXT queries from
// records the test publishes; lookupTXT asks it through Go's own resolver, the way
// production asks the system's.
type dnsServer struct {
	mu      sync.Mutex
	records map[string][]string
	addr    string
}

func startDNS(t *testing.T) *dnsServer {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	require.NoError(t, err)
	d := &dnsServer{records: map[string][]string{}, addr: pc.LocalAddr().String()}
	started := make(chan struct{})
	srv := &dns.Server{PacketConn: pc, Handler: dns.HandlerFunc(d.serve), NotifyStartedFunc: func() { close(started) }}
	go func() { _ = srv.ActivateAndServe() }()
	<-started
	t.Cleanup(func() { _ = srv.Shutdown() })
	return d
}

// publish sets the TXT values of a name (none: the name is gone).
func (d *dnsServer) publish(name string, values ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.records[strings.ToLower(name)] = values
}

func (d *dnsServer) serve(w dns.ResponseWriter, r *dns.Msg) {
	m := new(dns.Msg)
	m.SetReply(r)
	m.Authoritative = true
	d.mu.Lock()
	for _, q := range r.Question {
		values, ok := d.records[strings.TrimSuffix(strings.ToLower(q.Name), ".")]
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
	d.mu.Unlock()
	_ = w.WriteMsg(m)
}

// lookupTXT resolves through the server (the name rooted, so no search domain applies).
func (d *dnsServer) lookupTXT(ctx context.Context, name string) ([]string, error) {
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var dialer net.Dialer
		return dialer.DialContext(ctx, "udp", d.addr)
	}}
	return r.LookupTXT(ctx, strings.TrimSuffix(name, ".")+".")
}

// withDNSServer serves api's domain checks from a DNS server started for the test.
func withDNSServer(t *testing.T, api *testenv.API) *dnsServer {
	d := startDNS(t)
	api.App.LookupTXT = d.lookupTXT
	api.Handler = api.App.Handler()
	return d
}
