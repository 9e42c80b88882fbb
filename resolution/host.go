package resolution

import "strings"

// NormalizeHost lower-cases host (ASCII only: hostnames are ASCII, IDNs arrive as
// punycode), drops a port and trailing dots, and trims surrounding whitespace. A bracketed
// IPv6 literal keeps its brackets and loses its port; it never matches a rule. The result
// is a fixed point: NormalizeHost(NormalizeHost(h)) == NormalizeHost(h).
func NormalizeHost(host string) string {
	h := lowerASCII(strings.Trim(host, asciiSpace))
	h = stripPort(h)
	// Trailing dots and whitespace are trimmed together so a second pass finds nothing.
	return strings.TrimRight(h, "."+asciiSpace)
}

const asciiSpace = " \t\r\n\v\f"

// stripPort removes ":port". A bare IPv6 address has several colons and no port we could
// tell apart from its last group, so it is left alone (it cannot match anyway).
func stripPort(h string) string {
	if strings.HasPrefix(h, "[") {
		if end := strings.IndexByte(h, ']'); end >= 0 {
			return h[:end+1]
		}
		return h
	}
	if strings.Count(h, ":") == 1 {
		return h[:strings.IndexByte(h, ':')]
	}
	return h
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// validLabel reports whether s is a lower-case DNS label: a-z, 0-9 and inner hyphens,
// 1 to 63 characters.
func validLabel(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// validHostname reports whether h is a normalized hostname made of valid labels. Anything
// else cannot be a custom domain or a platform host, so it is never looked up.
func validHostname(h string) bool {
	if len(h) == 0 || len(h) > 253 {
		return false
	}
	for label := range strings.SplitSeq(h, ".") {
		if !validLabel(label) {
			return false
		}
	}
	return true
}
