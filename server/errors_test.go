package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/testenv"
)

// Every answer names its request, in the header and in each of its errors, however
// early the request was refused.
func TestRequestIDInEveryError(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		limited := apiWith(t, db, func(c *config.Config) { c.RateLimit = 1 })
		client := uniqueClient()
		send(t, limited, request{query: meQuery, remote: client}) // spends the one request

		const rid = "trace-4711.abc_DEF"
		withID := func(h testenv.Headers) testenv.Headers {
			if h == nil {
				h = testenv.Headers{}
			}
			h["X-Request-Id"] = rid
			return h
		}
		cases := map[string]struct {
			handler http.Handler
			req     request
			status  int
			code    string
		}{
			"success":           {f.API.Handler, request{query: meQuery}, http.StatusOK, ""},
			"bad credentials":   {f.API.Handler, request{query: meQuery, headers: testenv.Headers{"Authorization": "Bearer x"}}, http.StatusUnauthorized, "UNAUTHENTICATED"},
			"validation errors": {f.API.Handler, request{query: `{ nope1 nope2 }`}, http.StatusUnprocessableEntity, "BAD_USER_INPUT"},
			"parse error":       {f.API.Handler, request{query: `{ me {`}, http.StatusUnprocessableEntity, "BAD_USER_INPUT"},
			"resolver errors":   {f.API.Handler, request{query: `{ a: stores(first: 101) { totalCount } b: tenants(last: -1) { totalCount } }`, headers: f.As(testenv.SuperAdmin)}, http.StatusOK, "BAD_USER_INPUT"},
			"rate limited":      {limited, request{query: meQuery, remote: client}, http.StatusTooManyRequests, "RATE_LIMITED"},
			"body too large":    {apiWith(t, db, func(c *config.Config) { c.BodyLimit = 64 }), request{query: meQuery + strings.Repeat(" ", 100)}, http.StatusRequestEntityTooLarge, "BAD_USER_INPUT"},
			"not json":          {f.API.Handler, request{raw: strings.NewReader("{")}, http.StatusBadRequest, "BAD_USER_INPUT"},
		}
		for name, c := range cases {
			t.Run(name, func(t *testing.T) {
				c.req.headers = withID(c.req.headers)
				r := send(t, c.handler, c.req)
				assert.Equal(t, rid, r.Header.Get("X-Request-Id"))
				if c.code == "" {
					require.Equal(t, c.status, r.Status, r.Body)
					require.Empty(t, r.Errors, r.Body)
					return
				}
				requireErrorCode(t, r, c.status, c.code)
				for _, e := range r.Errors {
					assert.Equal(t, rid, e.Extensions["requestId"], "error %q", e.Message)
				}
			})
		}

		// Without one from the client, the server makes one up and still reports it.
		r := gql(t, f.API.Handler, testenv.Headers{"Authorization": "Bearer x"}, meQuery, nil)
		got := r.Header.Get("X-Request-Id")
		require.NotEmpty(t, got)
		assert.Equal(t, got, r.Errors[0].Extensions["requestId"])
	})
}

// A failure the client cannot act on is INTERNAL, and says nothing about SQL, drivers
// or Go.
func TestInternalErrorsDoNotLeak(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		admin := f.As(testenv.SuperAdmin)
		require.NoError(t, db.SQL.Close()) // the database goes away under the API

		for name, q := range map[string]string{
			"countries":        `{ countries { code } }`,
			"tenant by handle": `query Named { tenantByHandle(handle: "acme") { id } }`,
			"store by id":      `{ store(id: "1") { id name } }`,
		} {
			t.Run(name, func(t *testing.T) {
				r := gql(t, h, nil, q, nil)
				requireErrorCode(t, r, http.StatusOK, "INTERNAL")
				for _, e := range r.Errors {
					assert.Equal(t, "internal error", e.Message)
				}
				assertNoInternals(t, r.Body)
			})
		}

		// Credentials that cannot be checked are the server's fault, not the client's:
		// a valid token must not be answered as if it were bad.
		for name, hd := range map[string]testenv.Headers{"bearer": admin, "secret key": f.As(testenv.SecretB), "publishable key": f.As(testenv.PublishableA)} {
			t.Run(name, func(t *testing.T) {
				r := gql(t, h, hd, meQuery, nil)
				requireErrorCode(t, r, http.StatusInternalServerError, "INTERNAL")
				assert.Equal(t, "internal error", r.Errors[0].Message)
				assertNoInternals(t, r.Body)
			})
		}

		r := gql(t, h, admin, `mutation { createTenant(input: {handle: "zed", name: "Zed"}) { id } }`, nil)
		requireErrorCode(t, r, http.StatusInternalServerError, "INTERNAL")
		assertNoInternals(t, r.Body)
	})
}

func assertNoInternals(t *testing.T, body string) {
	t.Helper()
	lower := strings.ToLower(body)
	for _, leak := range []string{"sql", "database", "closed", "select", "from ", "ent:", "goroutine", ".go:", "pq:", "sqlite"} {
		assert.NotContains(t, lower, leak)
	}
}
