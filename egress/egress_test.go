package egress_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/dakkah/cityos/egress"
)

// fakeDNS answers from a map; a missing name does not resolve.
type fakeDNS map[string][]string

func (f fakeDNS) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	ips, ok := f[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	var out []net.IPAddr
	for _, s := range ips {
		out = append(out, net.IPAddr{IP: net.ParseIP(s)})
	}
	return out, nil
}

var dns = fakeDNS{
	"hooks.example.com":        {"93.184.216.34"},
	"v6.example.com":           {"2606:2800:220:1:248:1893:25c8:1946"},
	"mixed.example.com":        {"93.184.216.34", "10.0.0.7"},
	"rebind.example.com":       {"127.0.0.1"},
	"metadata.example.com":     {"169.254.169.254"},
	"mapped.example.com":       {"::ffff:10.1.2.3"},
	"cgnat.example.com":        {"100.64.0.1"},
	"ula.example.com":          {"fd12:3456::1"},
	"metadata.google.internal": {"169.254.169.254"},
}

func TestCheckURL(t *testing.T) {
	prod := egress.Policy{Resolver: dns}
	dev := egress.Policy{Resolver: dns, AllowHTTPLocalhost: true}
	for _, c := range []struct {
		url string
		p   egress.Policy
		ok  bool
	}{
		// Public destinations.
		{"https://hooks.example.com/cityos", prod, true},
		{"https://hooks.example.com:8443/x?y=1", prod, true},
		{"https://HOOKS.example.com./x", prod, true},
		{"https://v6.example.com/", prod, true},
		{"https://93.184.216.34/hook", prod, true},
		{"https://[2606:2800:220:1:248:1893:25c8:1946]/hook", prod, true},
		// Scheme, shape and credentials.
		{"http://hooks.example.com/", prod, false},
		{"ftp://hooks.example.com/", prod, false},
		{"hooks.example.com/x", prod, false},
		{"/relative", prod, false},
		{"https://", prod, false},
		{"https://user:pass@hooks.example.com/", prod, false},
		{"https://user@hooks.example.com/", prod, false},
		{"mailto:a@example.com", prod, false},
		{"not a url", prod, false},
		// Loopback in every spelling.
		{"http://127.0.0.1/", prod, false},
		{"https://127.0.0.1/", prod, false},
		{"https://127.1.2.3/", prod, false},
		{"https://localhost/", prod, false},
		{"https://api.localhost/", prod, false},
		{"https://[::1]/", prod, false},
		{"https://[0:0:0:0:0:0:0:1]/", prod, false},
		{"https://[::ffff:127.0.0.1]/", prod, false},
		{"https://[::ffff:7f00:1]/", prod, false},
		{"https://[::127.0.0.1]/", prod, false},
		{"https://[64:ff9b::7f00:1]/", prod, false},
		{"https://[2002:7f00:1::]/", prod, false},
		{"https://2130706433/", prod, false},   // decimal
		{"https://0x7f000001/", prod, false},   // hex
		{"https://0x7f.0.0.1/", prod, false},   // hex part
		{"https://0177.0.0.1/", prod, false},   // octal
		{"https://017700000001/", prod, false}, // octal whole
		{"https://127.1/", prod, false},        // short form
		{"https://127.000.000.001/", prod, false},
		{"https://rebind.example.com/", prod, false},
		// Unspecified.
		{"https://0.0.0.0/", prod, false},
		{"https://0/", prod, false},
		{"https://[::]/", prod, false},
		{"https://0.1.2.3/", prod, false},
		// Private networks.
		{"https://10.0.0.1/", prod, false},
		{"https://172.16.5.4/", prod, false},
		{"https://172.31.255.255/", prod, false},
		{"https://192.168.1.1/", prod, false},
		{"https://0xa000001/", prod, false},
		{"https://[fc00::1]/", prod, false},
		{"https://[fd00::1]/", prod, false},
		{"https://[::ffff:10.0.0.1]/", prod, false},
		{"https://ula.example.com/", prod, false},
		{"https://mapped.example.com/", prod, false},
		{"https://mixed.example.com/", prod, false}, // one private answer is enough to refuse
		// Link-local and the metadata service.
		{"http://169.254.169.254/latest/meta-data/", prod, false},
		{"https://169.254.169.254/", prod, false},
		{"https://2852039166/", prod, false}, // 169.254.169.254 in decimal
		{"https://[fe80::1]/", prod, false},
		{"https://[fe80::1%25eth0]/", prod, false},
		{"https://[::ffff:169.254.169.254]/", prod, false},
		{"https://metadata.google.internal/", prod, false},
		{"https://metadata/", prod, false},
		{"https://metadata.example.com/", prod, false},
		// CGNAT, multicast, reserved, broadcast, documentation.
		{"https://100.64.0.1/", prod, false},
		{"https://100.127.255.254/", prod, false},
		{"https://cgnat.example.com/", prod, false},
		{"https://224.0.0.1/", prod, false},
		{"https://239.255.255.250/", prod, false},
		{"https://[ff02::1]/", prod, false},
		{"https://240.0.0.1/", prod, false},
		{"https://255.255.255.255/", prod, false},
		{"https://192.0.2.1/", prod, false},
		{"https://[2001:db8::1]/", prod, false},
		// Internal names and names that do not resolve.
		{"https://printer.local/", prod, false},
		{"https://db.internal/", prod, false},
		{"https://intranet/", prod, false},
		{"https://nowhere.example.com/", prod, false},
		{"https://a.123/", prod, false},
		{"https://127。0。0。1/", prod, false},  // ideographic full stops
		{"https://０x7f000001/", prod, false}, // fullwidth digits
		{"https://hooks。example.com/", prod, false},
		{"https://127.0.0.1./", prod, false},
		{"https://localhost./", prod, false},
		{"https://127.0.0.1:443@hooks.example.com/", prod, false},
		// Development: http (and https) to this machine only.
		{"http://localhost:3000/hooks", dev, true},
		{"http://127.0.0.1:9000/", dev, true},
		{"http://[::1]:9000/", dev, true},
		{"https://localhost/", dev, true},
		{"http://hooks.example.com/", dev, false},
		{"http://10.0.0.1/", dev, false},
		{"http://169.254.169.254/", dev, false},
		{"http://127.0.0.2/", dev, false},
		{"http://2130706433/", dev, false},
		{"https://hooks.example.com/", dev, true},
	} {
		err := egress.CheckURL(context.Background(), c.url, c.p)
		if c.ok && err != nil {
			t.Errorf("%s (dev=%v): refused: %v", c.url, c.p.AllowHTTPLocalhost, err)
		}
		if !c.ok {
			if err == nil {
				t.Errorf("%s (dev=%v): allowed", c.url, c.p.AllowHTTPLocalhost)
			} else if !errors.Is(err, egress.ErrForbidden) {
				t.Errorf("%s: error %v does not wrap ErrForbidden", c.url, err)
			}
		}
	}
}

func TestPublic(t *testing.T) {
	for s, want := range map[string]bool{
		"8.8.8.8": true, "1.1.1.1": true, "2001:4860:4860::8888": true, "::ffff:8.8.8.8": true,
		"64:ff9b::808:808": true, "2002:808:808::1": true,
		"127.0.0.1": false, "10.1.1.1": false, "172.20.0.1": false, "192.168.0.1": false,
		"169.254.169.254": false, "100.64.1.1": false, "0.0.0.0": false, "0.255.0.1": false,
		"224.1.1.1": false, "255.255.255.255": false, "::": false, "::1": false,
		"fe80::1": false, "fc00::1": false, "fdff::1": false, "ff05::2": false,
		"::ffff:192.168.1.1": false, "::ffff:169.254.169.254": false, "64:ff9b::a00:1": false,
		"2002:a00:1::": false, "2001:db8::1": false, "2001:0::1": false,
	} {
		if got := egress.Public(netip.MustParseAddr(s)); got != want {
			t.Errorf("Public(%s) = %v, want %v", s, got, want)
		}
	}
}

// TestDialRefusesForbiddenAddress: the transport checks the address it dials, not
// the URL, so a name that resolves to loopback at call time (rebinding) is refused.
func TestDialRefusesForbiddenAddress(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()

	// By address, and by a name the system resolver maps to loopback (as a rebound
	// name would be): the dialler sees only the address.
	byName := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	for _, u := range []string{srv.URL, byName} {
		_, err := egress.Client(egress.Policy{}, 0).Get(u)
		if !errors.Is(err, egress.ErrForbidden) {
			t.Fatalf("dialling %s in prod: err = %v, want ErrForbidden", u, err)
		}
	}
	res, err := egress.Client(egress.Policy{AllowHTTPLocalhost: true}, 0).Get(srv.URL)
	if err != nil {
		t.Fatalf("dialling %s in dev: %v", srv.URL, err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		t.Fatalf("status %d", res.StatusCode)
	}
}

// TestClientDoesNotFollowRedirects: a 3xx is the answer; following it could lead to
// an address CheckURL never saw.
func TestClientDoesNotFollowRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	}))
	defer srv.Close()
	res, err := egress.Client(egress.Policy{AllowHTTPLocalhost: true}, 0).Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusFound {
		t.Fatalf("status %d, want the 302 itself", res.StatusCode)
	}
}

func TestTransportIgnoresEnvironmentProxy(t *testing.T) {
	t.Setenv("HTTPS_PROXY", "http://127.0.0.1:1")
	t.Setenv("HTTP_PROXY", "http://127.0.0.1:1")
	if egress.Transport(egress.Policy{}).Proxy != nil {
		t.Fatal("the transport takes a proxy")
	}
}
