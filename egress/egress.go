// Package egress guards the requests the service makes to addresses its users chose
// (webhook endpoints): only public hosts over https, so a tenant cannot point us at our
// own network, the cloud metadata service or localhost (SSRF). CheckURL refuses a URL
// when it is saved; the Transport refuses again at dial time, on the very IP dialled,
// because DNS may answer differently by then (rebinding).
package egress

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// ErrForbidden is wrapped by every refusal of CheckURL and of the dialer.
var ErrForbidden = errors.New("egress: destination not allowed")

// Resolver looks host names up; *net.Resolver is one, tests pass a fake.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// Policy says what may be reached.
type Policy struct {
	// AllowHTTPLocalhost (development only) lets http and https reach localhost,
	// 127.0.0.1 and ::1, so a developer can receive webhooks on their machine.
	AllowHTTPLocalhost bool
	// Resolver looks names up; nil is net.DefaultResolver.
	Resolver Resolver
}

func (p Policy) resolver() Resolver {
	if p.Resolver == nil {
		return net.DefaultResolver
	}
	return p.Resolver
}

func refuse(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrForbidden, fmt.Sprintf(format, args...))
}

// CheckURL reports whether raw may be called under p: an absolute https URL without
// user info whose host is a public name resolving only to public addresses, or a
// public IP literal. The error's text is fit to show the user.
func CheckURL(ctx context.Context, raw string, p Policy) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !u.IsAbs() || u.Host == "" || u.Opaque != "" {
		return refuse("not an absolute URL")
	}
	if u.User != nil {
		return refuse("the URL may not carry a user name or password")
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return refuse("the scheme must be https")
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "" {
		return refuse("the URL has no host")
	}
	if p.AllowHTTPLocalhost && isLocalhost(host) {
		return nil
	}
	if u.Scheme != "https" {
		return refuse("the scheme must be https")
	}
	if strings.Contains(host, "%") {
		return refuse("an address with a zone is not allowed")
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return checkIP(ip)
	}
	if numericHost(host) {
		// 2130706433, 0x7f.1, 0177.0.0.1: resolvers read these as IPv4 in their own
		// ways; only the dotted decimal form is accepted.
		if ip, ok := parseLegacyIPv4(host); ok {
			if err := checkIP(ip); err != nil {
				return err
			}
		}
		return refuse("an IPv4 address must be written as four decimal numbers")
	}
	if err := checkName(host); err != nil {
		return err
	}
	addrs, err := p.resolver().LookupIPAddr(ctx, host)
	if err != nil || len(addrs) == 0 {
		return refuse("the host %s does not resolve", host)
	}
	for _, a := range addrs {
		ip, ok := netip.AddrFromSlice(a.IP)
		if !ok {
			return refuse("the host %s resolves to an unreadable address", host)
		}
		if err := checkIP(ip); err != nil {
			return fmt.Errorf("%w (the host %s resolves to %s)", err, host, ip.Unmap())
		}
	}
	return nil
}

func isLocalhost(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

// checkName refuses names that are internal by construction, whatever DNS says.
func checkName(host string) error {
	// Only the ASCII (punycode) form: resolvers map look-alike dots and digits
	// ("127。0。0。1", fullwidth "０x7f") to ASCII by their own rules.
	for _, r := range host {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_') {
			return refuse("the host must be written in ASCII (punycode for other scripts)")
		}
	}
	if !strings.Contains(host, ".") {
		return refuse("the host %s is not a public domain name", host)
	}
	for _, suffix := range []string{".localhost", ".local", ".internal", ".localdomain", ".home.arpa", ".in-addr.arpa", ".ip6.arpa"} {
		if strings.HasSuffix(host, suffix) {
			return refuse("the host %s is not a public domain name", host)
		}
	}
	return nil
}
