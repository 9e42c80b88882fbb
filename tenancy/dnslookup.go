package tenancy

import (
	"context"
	"net"
	"strings"
)

// DNSLookup returns the TXT lookup domain verification uses: through the DNS server at
// addr ("host:port") when one is given, else through the system's resolver. A server of
// our own choosing makes verification independent of the host's resolv.conf (a cluster
// DNS that caches negative answers for long, say) and lets tests run a real DNS server.
func DNSLookup(addr string) TXTLookup {
	r := net.DefaultResolver
	if addr != "" {
		r = &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		}}
	}
	return func(ctx context.Context, name string) ([]string, error) {
		// Rooted, so no search domain of resolv.conf is ever appended to the name.
		return r.LookupTXT(ctx, strings.TrimSuffix(name, ".")+".")
	}
}
