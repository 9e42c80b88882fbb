package egress

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// Dialer connects only to addresses p allows. Its Control runs on the address actually
// dialled, after DNS, so a name that resolved to a public address when the URL was saved
// and to 127.0.0.1 now is still refused.
func Dialer(p Policy) *net.Dialer {
	return &net.Dialer{
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: cannot read the address %q", ErrForbidden, address)
			}
			if ip := ap.Addr().Unmap(); !Public(ip) && !(p.AllowHTTPLocalhost && ip.IsLoopback()) {
				return fmt.Errorf("%w: %s is not a public address", ErrForbidden, ip)
			}
			return nil
		},
	}
}

// Transport dials through Dialer(p) and never through a proxy from the environment
// (HTTPS_PROXY would otherwise be the address checked, not the destination).
func Transport(p Policy) *http.Transport {
	return &http.Transport{
		Proxy:             nil,
		DialContext:       Dialer(p).DialContext,
		ForceAttemptHTTP2: true,
		// Idle connections enough for the requests under way to one endpoint (see
		// webhooks.Config.PerEndpoint): fewer, and a busy endpoint's deliveries keep
		// opening connections to close them again.
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   32,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
}

// Client is an http.Client over Transport(p) that does not follow redirects: a 3xx
// is the answer, since a redirect could lead anywhere CheckURL never saw.
func Client(p Policy, timeout time.Duration) *http.Client {
	return &http.Client{
		Transport: Transport(p),
		Timeout:   timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}
