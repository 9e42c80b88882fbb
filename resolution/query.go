package resolution

import "strings"

// query is a request reduced to what the rules read. Parts no rule can use are blanked,
// so equivalent requests share one cache entry and junk hosts cannot bloat the cache.
type query struct {
	host      string // normalized, valid hostname, or ""
	pathLabel string // {label} of /stores/{label} when the host can use it, or ""
	hint      string // normalized store subdomain, or ""
}

func newQuery(host, path, hint, platform string) query {
	q := query{host: NormalizeHost(host), hint: normalizeHint(hint)}
	if !validHostname(q.host) {
		q.host = ""
	}
	if _, ok := platformLabel(q.host, platform); ok || isPlatformHost(q.host, platform) {
		q.pathLabel = storesLabel(path)
	}
	return q
}

// flightKey identifies the query for request collapsing. Labels cannot contain '/', so
// putting the free-form host last keeps the encoding unambiguous.
func (q query) flightKey() string {
	return q.pathLabel + "/" + q.hint + "/" + q.host
}

// platformLabel returns label when host is exactly "<label>.<platform>".
func platformLabel(host, platform string) (string, bool) {
	if platform == "" {
		return "", false
	}
	label, ok := strings.CutSuffix(host, "."+platform)
	if !ok || !validLabel(label) {
		return "", false
	}
	return label, true
}

// isPlatformHost reports whether host is the platform's own site (bare or www).
func isPlatformHost(host, platform string) bool {
	return platform != "" && (host == platform || host == "www."+platform)
}
