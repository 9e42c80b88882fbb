package resolution

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// The oracle below re-derives the rules independently (regexps instead of hand-written
// scanners) and checks every Resolve answer against them. Case folding is ASCII only:
// strings.ToLower would turn the Kelvin sign into 'k', which is not a valid label.
var (
	fuzzLabel   = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)
	fuzzAnyCase = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`)
	fuzzStores  = regexp.MustCompile(`(?s)^/stores/([^/?#]+)(?:[/?#].*)?$`)
)

const fuzzPlatform = "dakkah.com"

func FuzzResolve(f *testing.F) {
	for _, seed := range [][3]string{
		{"shop.example.com", "/", ""},
		{"Beta.Dakkah.com.:443", "/stores/x", "acme"},
		{"acme.dakkah.com", "/", ""},
		{"clash.dakkah.com", "/stores/shoes", ""},
		{"mall.dakkah.com", "/stores/hats/p?q=1", ""},
		{"www.dakkah.com", "/stores/ACME?x", ""},
		{"dakkah.com", "/stores/beta/", " Beta "},
		{"[::1]:8080", "/stores/acme", "acme"},
		{"::1", "", ""},
		{"a..dakkah.com", "/stores//acme", "-x"},
		{" \t:80.", "?", "\x00"},
		{"ACME.DAKKAH.COM:", "/stores/acme#frag", "é"},
		{"\u212Aiosk.dakkah.com", "/stores/\u212Aiosk", "\u212Aiosk"}, // Kelvin sign lower-cases to 'k'
	} {
		f.Add(seed[0], seed[1], seed[2])
	}

	dir := seeded()
	r := NewResolver(dir, fuzzPlatform) // shared: exercises the cache key across inputs too
	ctx := context.Background()

	f.Fuzz(func(t *testing.T, host, path, hint string) {
		h := NormalizeHost(host)
		if NormalizeHost(h) != h {
			t.Fatalf("NormalizeHost not idempotent: %q -> %q -> %q", host, h, NormalizeHost(h))
		}

		m, ok, err := r.Resolve(ctx, host, path, hint)
		if err != nil {
			t.Fatalf("Resolve(%q, %q, %q): %v", host, path, hint, err)
		}
		want, wantOK := oracle(dir, h, path, hint)
		if ok != wantOK || m != want {
			t.Fatalf("Resolve(%q, %q, %q) = %+v, %v; want %+v, %v", host, path, hint, m, ok, want, wantOK)
		}
		if !ok {
			return
		}
		// Per-strategy invariants, stated directly from the contract.
		switch m.Strategy {
		case CustomDomain:
			if id, found := dir.domains[h]; !found || id != m.StoreID {
				t.Fatalf("CUSTOM_DOMAIN for unverified host %q", h)
			}
		case Subdomain:
			label, found := strings.CutSuffix(h, "."+fuzzPlatform)
			if !found || !fuzzLabel.MatchString(label) || dir.storeSubs[label] != m.StoreID {
				t.Fatalf("SUBDOMAIN for host %q", h)
			}
		case Path:
			if fuzzStores.FindStringSubmatch(path) == nil {
				t.Fatalf("PATH without a /stores/ path: %q", path)
			}
		case Hint:
			if id, found := dir.storeSubs[strings.ToLower(strings.TrimSpace(hint))]; !found || id != m.StoreID {
				t.Fatalf("HINT for unknown hint %q", hint)
			}
		default:
			t.Fatalf("unknown strategy %q", m.Strategy)
		}
	})
}

// oracle applies rules (a)-(d) straight to the fake's maps. The fake is never mutated
// during fuzzing, so reading its maps without the lock is safe.
func oracle(dir *fakeDir, host, path, hint string) (Match, bool) {
	validHost := len(host) <= 253
	for l := range strings.SplitSeq(host, ".") {
		validHost = validHost && fuzzLabel.MatchString(l)
	}
	if validHost {
		if id, found := dir.domains[host]; found {
			return Match{id, CustomDomain}, true
		}
	}

	pathLabel := ""
	if sm := fuzzStores.FindStringSubmatch(path); sm != nil && fuzzAnyCase.MatchString(sm[1]) {
		pathLabel = strings.ToLower(sm[1])
	}

	if label, found := strings.CutSuffix(host, "."+fuzzPlatform); found && fuzzLabel.MatchString(label) {
		if id, found := dir.storeSubs[label]; found {
			return Match{id, Subdomain}, true
		}
		if tenant, found := dir.tenantSubs[label]; found && pathLabel != "" {
			if id, found := dir.handles[tenant][pathLabel]; found {
				return Match{id, Path}, true
			}
		}
	}
	if (host == fuzzPlatform || host == "www."+fuzzPlatform) && pathLabel != "" {
		if id, found := dir.storeSubs[pathLabel]; found {
			return Match{id, Path}, true
		}
	}
	if th := strings.TrimSpace(hint); fuzzAnyCase.MatchString(th) {
		if id, found := dir.storeSubs[strings.ToLower(th)]; found {
			return Match{id, Hint}, true
		}
	}
	return Match{}, false
}
