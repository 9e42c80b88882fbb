package server_test

import (
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// A server-rendered storefront forwards what the shopper's browser addressed: host, path,
// and the store it last chose (a cookie) as a hint. The API resolves them in the order
// resolveStore does, so a hint never moves a request whose host or path names a store.
func TestStoreHeadersResolveLikeResolveStore(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		handles := func(h testenv.Headers) []string {
			r := c.API.MustDo(t, h, `{ products(first: 20) { edges { node { handle } } } }`, nil)
			var out struct {
				Products struct {
					Edges []struct{ Node struct{ Handle string } }
				}
			}
			r.Decode(t, &out)
			var hs []string
			for _, e := range out.Products.Edges {
				hs = append(hs, e.Node.Handle)
			}
			sort.Strings(hs)
			return hs
		}
		shop := func(host, path, hint string) testenv.Headers {
			h := testenv.Headers{"X-Store-Host": host}
			if path != "" {
				h["X-Store-Path"] = path
			}
			if hint != "" {
				h["X-Store-Hint"] = hint
			}
			return h
		}
		a1, a2, b1 := []string{"abaya", "thobe"}, []string{"abaya", "hijab"}, []string{"gadget"}

		require.Equal(t, a1, handles(shop("a1.dakkah.test", "", "")), "store subdomain")
		require.Equal(t, a1, handles(shop("dakkah.test", "/stores/a1", "")), "platform path")
		require.Equal(t, a2, handles(shop("acme.dakkah.test", "/stores/a2", "")), "tenant path")
		require.Equal(t, b1, handles(shop("dakkah.test", "/", "b1")), "the hint on the platform site")
		require.Equal(t, b1, handles(shop("dakkah.test", "/stores/b1", "a1")), "a path beats the hint")
		require.Equal(t, a1, handles(shop("a1.dakkah.test", "", "b1")), "a store's host beats the hint")

		// A hint that names no store leaves the request without one.
		r := c.API.Do(t, shop("dakkah.test", "/", "nowhere"), `{ products(first: 5) { totalCount } }`, nil)
		testenv.RequireError(t, r, "BAD_USER_INPUT", "storeId")
	})
}
