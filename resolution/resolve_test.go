package resolution

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResolveRules(t *testing.T) {
	found := func(id int, s Strategy) *Match { return &Match{StoreID: id, Strategy: s} }
	cases := []struct {
		name, host, path, hint string
		want                   *Match // nil: not found
	}{
		// (a)
		{"custom domain", "shop.example.com", "/", "", found(2, CustomDomain)},
		{"custom domain case port dot", "SHOP.Example.com.:443", "/x", "", found(2, CustomDomain)},
		{"custom domain beats subdomain", "beta.dakkah.com", "/", "", found(30, CustomDomain)},
		{"custom domain beats hint", "shop.example.com", "/", "acme", found(2, CustomDomain)},
		{"custom domain ignores stores path", "shop.example.com", "/stores/acme", "", found(2, CustomDomain)},
		{"unverified domain falls to hint", "other.example.com", "/", "acme", found(1, Hint)},

		// (b) store subdomain
		{"subdomain", "acme.dakkah.com", "/", "", found(1, Subdomain)},
		{"subdomain case port dot", "ACME.Dakkah.Com.:8080", "/", "", found(1, Subdomain)},
		{"subdomain beats path and hint", "acme.dakkah.com", "/stores/beta", "beta", found(1, Subdomain)},
		{"store subdomain beats tenant", "clash.dakkah.com", "/stores/shoes", "", found(7, Subdomain)},
		{"two labels is not a subdomain", "x.acme.dakkah.com", "/", "", nil},
		{"platform suffix must be whole", "acmedakkah.com", "/", "", nil},
		{"invalid label", "-acme.dakkah.com", "/", "", nil},
		{"unknown subdomain", "nobody.dakkah.com", "/", "", nil},

		// (b) tenant subdomain + handle
		{"tenant handle", "mall.dakkah.com", "/stores/shoes", "", found(4, Path)},
		{"tenant handle trailing segments", "mall.dakkah.com", "/stores/hats/products/9?q=1", "", found(5, Path)},
		{"tenant handle query", "mall.dakkah.com", "/stores/shoes?ref=x", "", found(4, Path)},
		{"tenant handle case", "MALL.dakkah.com", "/stores/Shoes/", "", found(4, Path)},
		{"tenant without path", "mall.dakkah.com", "/", "", nil},
		{"tenant unknown handle", "mall.dakkah.com", "/stores/socks", "", nil},
		{"tenant unknown handle falls to hint", "mall.dakkah.com", "/stores/socks", "acme", found(1, Hint)},
		{"tenant handle of other tenant", "mall.dakkah.com", "/stores/acme", "", nil},
		{"tenant invalid handle", "mall.dakkah.com", "/stores/sh_oes", "", nil},
		{"tenant path beats hint", "mall.dakkah.com", "/stores/shoes", "acme", found(4, Path)},

		// (c) platform site
		{"platform path", "dakkah.com", "/stores/acme", "", found(1, Path)},
		{"www path", "www.dakkah.com", "/stores/acme/products?x=1", "", found(1, Path)},
		{"www path case port", "WWW.dakkah.com.:443", "/stores/ACME", "", found(1, Path)},
		{"platform path beats hint", "dakkah.com", "/stores/acme", "beta", found(1, Path)},
		{"platform path unknown falls to hint", "dakkah.com", "/stores/nobody", "beta", found(3, Hint)},
		{"platform path is not a tenant handle", "dakkah.com", "/stores/shoes", "", nil},
		{"platform without stores path", "dakkah.com", "/", "", nil},
		{"platform invalid path label", "dakkah.com", "/stores/-x", "", nil},
		{"stores path on unrelated host", "example.org", "/stores/acme", "", nil},

		// (d) hint
		{"hint", "", "", "acme", found(1, Hint)},
		{"hint trimmed and folded", "dakkah.com", "/", "  ACME ", found(1, Hint)},
		{"hint invalid", "dakkah.com", "/", "ac me", nil},
		{"hint unknown", "dakkah.com", "/", "nobody", nil},
		{"hint is a subdomain not a handle", "", "", "shoes", nil},

		// junk
		{"nothing", "", "", "", nil},
		{"ipv6 with port", "[::1]:8080", "/stores/acme", "", nil},
		{"ipv6 with port and hint", "[::1]:8080", "/", "acme", found(1, Hint)},
		{"bare ipv6", "::1", "/", "", nil},
		{"ip address", "127.0.0.1:80", "/stores/acme", "", nil},
		{"underscore host", "ac_me.dakkah.com", "/", "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := NewResolver(seeded(), "dakkah.com")
			m, ok, err := r.Resolve(context.Background(), tc.host, tc.path, tc.hint)
			require.NoError(t, err)
			if tc.want == nil {
				assert.False(t, ok)
				assert.Zero(t, m)
				return
			}
			require.True(t, ok)
			assert.Equal(t, *tc.want, m)
		})
	}
}

func TestResolveLocalhostPlatform(t *testing.T) {
	r := NewResolver(seeded(), "localhost")
	ctx := context.Background()

	m, ok, err := r.Resolve(ctx, "acme.localhost:3000", "/", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, Match{StoreID: 1, Strategy: Subdomain}, m)

	m, ok, err = r.Resolve(ctx, "localhost:3000", "/stores/beta", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, Match{StoreID: 3, Strategy: Path}, m)

	// www.localhost is "<label>.localhost" too; with no "www" store it reaches rule (c).
	m, ok, err = r.Resolve(ctx, "www.localhost", "/stores/beta", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, Match{StoreID: 3, Strategy: Path}, m)

	_, ok, err = r.Resolve(ctx, "acme.dakkah.com", "/", "")
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestResolveWithoutPlatformDomain(t *testing.T) {
	r := NewResolver(seeded(), "")
	ctx := context.Background()

	m, ok, err := r.Resolve(ctx, "shop.example.com", "/", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, CustomDomain, m.Strategy)

	for _, host := range []string{"acme", "acme.", ".", "www."} {
		_, ok, err = r.Resolve(ctx, host, "/stores/acme", "")
		require.NoError(t, err)
		assert.False(t, ok, host)
	}
}

func TestResolveDirectoryErrors(t *testing.T) {
	boom := errors.New("db down")
	// Each case fails at a different rule.
	for _, in := range [][3]string{
		{"shop.example.com", "/", ""},
		{"acme.dakkah.com", "/", ""},
		{"mall.dakkah.com", "/stores/shoes", ""},
		{"dakkah.com", "/stores/acme", ""},
		{"", "", "acme"},
	} {
		dir := seeded()
		r := NewResolver(dir, "dakkah.com")
		dir.setErr(boom)
		_, ok, err := r.Resolve(context.Background(), in[0], in[1], in[2])
		require.ErrorIs(t, err, boom, "%q", in)
		assert.False(t, ok)

		// Not cached: once the directory recovers the same request resolves.
		dir.setErr(nil)
		_, ok, err = r.Resolve(context.Background(), in[0], in[1], in[2])
		require.NoError(t, err, "%q", in)
		assert.True(t, ok, "%q", in)
	}
}

func TestResolveSkipsUselessLookups(t *testing.T) {
	dir := seeded()
	r := NewResolver(dir, "dakkah.com", WithTTL(0))
	_, ok, err := r.Resolve(context.Background(), "[::1]:8080", "/stores/acme", "not a label")
	require.NoError(t, err)
	assert.False(t, ok)
	assert.Zero(t, dir.callCount(), "an unusable host and hint need no directory calls")
}

func TestNewResolverNilDirectoryPanics(t *testing.T) {
	assert.Panics(t, func() { NewResolver(nil, "dakkah.com") })
}
