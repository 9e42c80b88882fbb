package server_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/customer"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

const (
	loginQ         = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`
	customerLoginQ = `mutation($e: String!, $p: String!, $s: ID) { customerLogin(email: $e, password: $p, storeId: $s) { accessToken } }`
	refreshQ       = `mutation($t: String!) { refreshToken(token: $t) { accessToken } }`
)

// Guessing passwords costs the guesser as guessing tokens does: failed sign-ins (staff
// and customer logins, refresh tokens) count against the client address in the same
// count as bad bearer tokens and keys, and an address out of failures is answered
// RATE_LIMITED before any lookup, a good password included. Other addresses sign in.
func TestFailedSignInsAreRateLimited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		cfg := testenv.Config()
		cfg.AuthFailureLimit = 3
		api, statements := testenv.CountedAPI(t, db, cfg)
		h := api.Handler
		shop := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.Anonymous, StoreID: f.StoreA1.ID, TenantID: f.TenantA.ID, ShopOpen: true})
		_, err := api.App.Customers.Register(shop, customer.RegisterInput{Email: "shopper@acme.test", Password: testenv.Password})
		require.NoError(t, err)
		good := map[string]any{"e": "admin@acme.test", "p": testenv.Password}
		guesser, neighbour := uniqueClient(), uniqueClient()

		// Three failures of three kinds, from one address.
		for _, r := range []request{
			{query: loginQ, vars: map[string]any{"e": "admin@acme.test", "p": "guess-1"}},
			{query: customerLoginQ, vars: map[string]any{"e": "shopper@acme.test", "p": "guess-2", "s": id(f.StoreA1.ID)}},
			{query: refreshQ, vars: map[string]any{"t": "guessed-refresh-token"}},
		} {
			r.remote = guesser
			requireErrorCode(t, send(t, h, r), http.StatusOK, "UNAUTHENTICATED")
		}
		require.NotEmpty(t, statements.Take(), "the guesses were looked up")

		// Out of failures: the right password is refused too, unread.
		r := send(t, h, request{query: loginQ, vars: good, remote: guesser})
		requireErrorCode(t, r, http.StatusOK, "RATE_LIMITED")
		assert.GreaterOrEqual(t, r.Errors[0].Extensions["retryAfter"], float64(1))
		assertNoData(t, r)
		r = send(t, h, request{query: customerLoginQ, vars: map[string]any{"e": "shopper@acme.test", "p": testenv.Password, "s": id(f.StoreA1.ID)}, remote: guesser})
		requireErrorCode(t, r, http.StatusOK, "RATE_LIMITED")
		assert.Empty(t, statements.Take(), "no account was looked up")
		// The same count holds back the address's credentials.
		requireErrorCode(t, send(t, h, request{query: meQuery, remote: guesser, headers: f.As(testenv.TenantAdminA)}), http.StatusTooManyRequests, "RATE_LIMITED")

		// Another address signs in.
		r = send(t, h, request{query: loginQ, vars: good, remote: neighbour})
		require.Empty(t, r.Errors, r.Body)
		assert.Contains(t, string(r.Data), "accessToken")
	})
}

// A document of many sign-ins stops checking passwords once its address is out of
// failures: the mutations run in order, each asking first.
func TestManySignInsInOneDocumentStopAtTheLimit(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		cfg := testenv.Config()
		cfg.AuthFailureLimit = 2
		api, _ := testenv.CountedAPI(t, db, cfg)
		r := send(t, api.Handler, request{remote: uniqueClient(), query: `mutation {
			a: login(email: "admin@acme.test", password: "guess-a") { accessToken }
			b: login(email: "admin@acme.test", password: "guess-b") { accessToken }
			c: login(email: "admin@acme.test", password: "guess-c") { accessToken }
			d: login(email: "admin@acme.test", password: "` + testenv.Password + `") { accessToken }
		}`})
		codes := map[string]string{}
		for _, e := range r.Errors {
			require.NotEmpty(t, e.Path, e.Message)
			codes[e.Path[0].(string)] = e.Extensions["code"].(string)
		}
		assert.Equal(t, map[string]string{"a": "UNAUTHENTICATED", "b": "UNAUTHENTICATED", "c": "RATE_LIMITED", "d": "RATE_LIMITED"}, codes, r.Body)
	})
}
