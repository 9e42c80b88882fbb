package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/testenv"
)

func TestRateLimitPerPrincipal(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := apiWith(t, db, func(c *config.Config) { c.RateLimit = 3 })
		// Buckets are shared through Redis, so the callers here are addresses no other
		// test uses.
		client, neighbour := uniqueClient(), uniqueClient()

		for i := range 3 {
			r := send(t, h, request{query: meQuery, remote: client})
			require.Equal(t, http.StatusOK, r.Status, "request %d: %s", i+1, r.Body)
		}
		r := send(t, h, request{query: meQuery, remote: client})
		requireErrorCode(t, r, http.StatusTooManyRequests, "RATE_LIMITED")
		retry, err := strconv.Atoi(r.Header.Get("Retry-After"))
		require.NoError(t, err, "Retry-After %q", r.Header.Get("Retry-After"))
		assert.GreaterOrEqual(t, retry, 1)
		assert.Equal(t, "0", r.Header.Get("X-RateLimit-Remaining"))

		// Someone else, from another address or signed in from the same one, is not held back.
		r = send(t, h, request{query: meQuery, remote: neighbour})
		assert.Equal(t, http.StatusOK, r.Status, r.Body)
		r = send(t, h, request{query: meQuery, remote: client, headers: f.As(testenv.TenantAdminB)})
		assert.Equal(t, http.StatusOK, r.Status, r.Body)
		assert.Empty(t, r.Errors)

		// The limited caller still is.
		r = send(t, h, request{query: meQuery, remote: client})
		requireErrorCode(t, r, http.StatusTooManyRequests, "RATE_LIMITED")
	})
}

// Instances sharing a Redis share each caller's limit: once an instance has synced, it
// refuses what the other admitted. Within one sync interval an instance admits from what
// it last saw (the stated tolerance): here one request more than the limit in all.
func TestRateLimitAcrossInstances(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		cfg := testenv.Config()
		cfg.RateLimit = 3
		one := testenv.NewAPI(t, db, cfg)
		two := testenv.NewAPIWithRedis(t, db, cfg, one.App.Redis, one.App.RedisAddr)
		client := uniqueClient()
		ctx := context.Background()
		do := func(api *testenv.API) int {
			return send(t, api.Handler, request{query: meQuery, remote: client}).Status
		}

		require.Equal(t, http.StatusOK, do(one))
		require.Equal(t, http.StatusOK, do(one))
		require.NoError(t, one.App.RateLimits.Sync(ctx))
		require.Equal(t, http.StatusOK, do(two), "new to instance two: admitted before its first sync")
		require.NoError(t, two.App.RateLimits.Sync(ctx))
		assert.Equal(t, http.StatusTooManyRequests, do(two), "two knows of one's two requests: 3 of 3 used")

		admitted := 3
		if do(one) == http.StatusOK { // one may not have synced since two's request
			admitted++
		}
		require.NoError(t, one.App.RateLimits.Sync(ctx))
		assert.Equal(t, http.StatusTooManyRequests, do(one))
		assert.LessOrEqual(t, admitted, cfg.RateLimit+1)
	})
}

func TestDepthLimit(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := apiWith(t, db, func(c *config.Config) { c.MaxDepth = 3 })
		admin := f.As(testenv.TenantAdminA)

		r := gql(t, h, admin, `{ me { memberships { role } } }`, nil)
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		require.Empty(t, r.Errors, r.Body)

		for name, q := range map[string]string{
			"fields":          `{ me { memberships { tenant { id } } } }`,
			"fragment":        `query { ...M } fragment M on Query { me { memberships { tenant { id } } } }`,
			"inline fragment": `{ me { ... on User { memberships { store { tenant { id } } } } } }`,
		} {
			t.Run(name, func(t *testing.T) {
				r := gql(t, h, admin, q, nil)
				requireErrorCode(t, r, 0, "BAD_USER_INPUT")
				assert.Contains(t, r.Errors[0].Message, "limit of 3")
				assertNoData(t, r)
			})
		}
	})
}

func TestComplexityLimit(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := apiWith(t, db, func(c *config.Config) { c.MaxComplexity = 500 })
		admin := f.As(testenv.SuperAdmin)
		const shape = `{ edges { node { id name handle tenant { id name } } } }`

		// Priced per page: 10 stores of this shape fit, 100 do not.
		r := gql(t, h, admin, `{ stores(first: 10) `+shape+` }`, nil)
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		require.Empty(t, r.Errors, r.Body)

		for name, q := range map[string]string{
			"stores":         `{ stores(first: 100) ` + shape + ` }`,
			"last":           `{ stores(last: 100) ` + shape + ` }`,
			"nested":         `{ tenants(first: 10) { edges { node { stores(first: 10) ` + shape + ` } } } }`,
			"aliases add up": `{ a: stores(first: 40) ` + shape + ` b: stores(first: 40) ` + shape + ` }`,
		} {
			t.Run(name, func(t *testing.T) {
				r := gql(t, h, admin, q, nil)
				requireErrorCode(t, r, 0, "BAD_USER_INPUT")
				assert.Contains(t, r.Errors[0].Message, "complexity")
				assertNoData(t, r)
			})
		}
	})
}

func TestPageSizeLimit(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		admin := f.As(testenv.SuperAdmin)

		r := gql(t, f.API.Handler, admin, `{ stores(first: 100) { totalCount edges { node { id } } } }`, nil)
		require.Empty(t, r.Errors, r.Body)

		for name, q := range map[string]string{
			"first":    `{ stores(first: 101) { edges { node { id } } } }`,
			"last":     `{ tenants(last: 101) { edges { node { id } } } }`,
			"nested":   `{ tenants(first: 1) { edges { node { stores(first: 101) { totalCount } } } } }`,
			"negative": `{ stores(first: -1) { totalCount } }`,
		} {
			t.Run(name, func(t *testing.T) {
				r := gql(t, f.API.Handler, admin, q, nil)
				require.NotEmpty(t, r.Errors, r.Body)
				assert.Equal(t, "BAD_USER_INPUT", r.code(), r.Body)
			})
		}
		r = gql(t, f.API.Handler, admin, `{ stores(first: 101) { totalCount } }`, nil)
		require.NotEmpty(t, r.Errors)
		assert.Equal(t, "first", r.Errors[0].Extensions["field"])
		assert.Contains(t, r.Errors[0].Message, "100")
	})
}

func TestBodyLimit(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		h := apiWith(t, db, func(c *config.Config) { c.BodyLimit = 1024 })
		body := func(size int) []byte {
			b, err := json.Marshal(map[string]any{"query": meQuery + strings.Repeat(" ", size)})
			require.NoError(t, err)
			return b
		}

		r := send(t, h, request{raw: bytes.NewReader(body(500))})
		require.Equal(t, http.StatusOK, r.Status, r.Body)

		r = send(t, h, request{raw: bytes.NewReader(body(2048))})
		requireErrorCode(t, r, http.StatusRequestEntityTooLarge, "BAD_USER_INPUT")

		// Without a declared length (chunked), the limit holds while reading.
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body(2048)))
		req.ContentLength = -1
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code, rec.Body.String())
		assert.Contains(t, rec.Body.String(), `"BAD_USER_INPUT"`)
	})
}

// A page far over the limit is refused for its size, naming the argument, not for the
// complexity it would have.
func TestHugePageNamesTheArgument(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		r := gql(t, f.API.Handler, f.As(testenv.SuperAdmin), `{ stores(first: 1000000000) { edges { node { id tenant { id name } } } } }`, nil)
		requireErrorCode(t, r, 0, "BAD_USER_INPUT")
		assert.Equal(t, "first", r.Errors[0].Extensions["field"], r.Body)
	})
}
