package testenv

import (
	"context"
	"net"
	"strings"
)

// PublicIP is the address every test host under example.com resolves to (public).
const PublicIP = "93.184.216.34"

// DNS answers host lookups from a table, so no test asks the network: a name in the
// table gets its addresses; any other name under example.com gets PublicIP; the rest
// do not resolve. It is the resolver of the API's outbound URL checks (egress.Policy).
type DNS map[string][]string

// TestDNS names a few hosts under example.com that resolve to forbidden addresses.
var TestDNS = DNS{
	"private.example.com":  {"10.0.0.5"},
	"loopback.example.com": {"127.0.0.1"},
	"metadata.example.com": {"169.254.169.254"},
	"ula.example.com":      {"fd00::5"},
}

// LookupIPAddr implements egress.Resolver.
func (d DNS) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	ips, ok := d[host]
	if !ok && (host == "example.com" || strings.HasSuffix(host, ".example.com")) {
		ips, ok = []string{PublicIP}, true
	}
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	out := make([]net.IPAddr, len(ips))
	for i, s := range ips {
		out[i] = net.IPAddr{IP: net.ParseIP(s)}
	}
	return out, nil
}
