package tenancy

import (
	"net"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/validate"
)

// reservedLabels cannot be subdomains: the platform serves its own pages there.
var reservedLabels = map[string]bool{
	"www": true, "api": true, "admin": true, "app": true, "mail": true, "static": true,
	"cdn": true, "assets": true, "graphql": true, "stores": true, "status": true,
}

// Subdomain checks a subdomain label; the result is lower-cased.
func Subdomain(field, v string) (string, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	if !validate.IsDNSLabel(v) {
		return "", apperr.Invalid(field, "%s must be a DNS label: 1-63 letters, digits or hyphens", field)
	}
	if reservedLabels[v] {
		return "", apperr.Invalid(field, "%s %q is reserved by the platform", field, v)
	}
	return v, nil
}

// Hostname checks a custom domain: a lower-cased DNS name of two or more labels, not
// the platform domain or under it.
func Hostname(field, v, platformDomain string) (string, error) {
	v = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(v)), ".")
	if ipLiteral(v) {
		return "", apperr.Invalid(field, "%s must be a domain name, not an IP address", field)
	}
	parts := strings.Split(v, ".")
	if len(v) > 253 || len(parts) < 2 {
		return "", apperr.Invalid(field, "%s must be a domain name such as shop.example.com", field)
	}
	for _, p := range parts {
		if !validate.IsDNSLabel(p) {
			return "", apperr.Invalid(field, "%s must be a domain name such as shop.example.com", field)
		}
	}
	if pd := strings.ToLower(platformDomain); v == pd || strings.HasSuffix(v, "."+pd) {
		return "", apperr.Invalid(field, "%s is under the platform domain: use a store subdomain instead", field)
	}
	return v, nil
}

// ipLiteral reports a host that is, or that resolvers would read as, an IP address:
// IPv6 in any notation, and every IPv4 spelling inet_aton accepts (127.0.0.1, 0x7f.1,
// 2130706433, 017700000001). A real top-level domain starts with a letter, so a name
// whose last label does not is treated as an address.
func ipLiteral(host string) bool {
	h := strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.Contains(h, ":") || net.ParseIP(h) != nil {
		return true
	}
	last := h[strings.LastIndex(h, ".")+1:]
	return last != "" && (last[0] < 'a' || last[0] > 'z')
}
