package server_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/customer"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// accountLimits are limits where two addresses failing twice each block an account
// (four failures) while neither address is blocked (three).
func accountLimits() config.Config {
	cfg := testenv.Config()
	cfg.AuthFailureLimit, cfg.AccountFailureLimit = 3, 4
	return cfg
}

// uniqueEmail is an e-mail no other test signs into: tests share a Redis, which keeps
// the accounts' counts.
func uniqueEmail(who string) string {
	return fmt.Sprintf("%s-%016x@acme.test", who, rand.Uint64())
}

// Guessing one staff password from many addresses is held by the account's own count:
// past it, signing into the account is RATE_LIMITED from any address, the right password
// included and unchecked, and the refusals count against nobody. Another account signs
// in from the guessing addresses.
func TestFailedSignInsAreCountedPerAccount(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		api, statements := testenv.CountedAPI(t, db, accountLimits())
		h := api.Handler
		victim, other := uniqueEmail("victim"), uniqueEmail("other")
		for _, e := range []string{victim, other} {
			_, err := api.App.Tenancy.CreateUser(sys(), tenancy.CreateUserInput{Email: e, Password: testenv.Password})
			require.NoError(t, err)
		}
		guessers := []string{uniqueClient(), uniqueClient()}
		for i, g := range []string{"guess-1", "guess-2", "guess-3", "guess-4"} {
			// The account counts its e-mail however it is written.
			r := request{query: loginQ, vars: map[string]any{"e": " VICTIM" + victim[len("victim"):], "p": g}, remote: guessers[i%2]}
			requireErrorCode(t, send(t, h, r), http.StatusOK, "UNAUTHENTICATED")
		}
		statements.Take()

		r := send(t, h, request{query: loginQ, vars: map[string]any{"e": victim, "p": testenv.Password}, remote: uniqueClient()})
		requireErrorCode(t, r, http.StatusOK, "RATE_LIMITED")
		assert.GreaterOrEqual(t, r.Errors[0].Extensions["retryAfter"], float64(1))
		assertNoData(t, r)
		assert.Empty(t, statements.Take(), "no account was looked up")

		// Each guesser has one failure left: a refusal for the account takes none of it.
		for _, g := range guessers {
			requireErrorCode(t, send(t, h, request{query: loginQ, vars: map[string]any{"e": victim, "p": "guess-5"}, remote: g}), http.StatusOK, "RATE_LIMITED")
			r = send(t, h, request{query: loginQ, vars: map[string]any{"e": other, "p": testenv.Password}, remote: g})
			require.Empty(t, r.Errors, r.Body)
			assert.Contains(t, string(r.Data), "accessToken")
		}
	})
}

// A customer account is its e-mail at its tenant: guessing one at a store of tenant A
// blocks it at every store of A, while the same e-mail's account at tenant B, and
// another customer of A, sign in from the guessing addresses.
func TestFailedCustomerSignInsAreCountedPerAccountOfTheTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api, statements := testenv.CountedAPI(t, db, accountLimits())
		h := api.Handler
		victim, other := uniqueEmail("shopper"), uniqueEmail("neighbour")
		for _, c := range []struct {
			store, tenant int
			email         string
		}{{f.StoreA1.ID, f.TenantA.ID, victim}, {f.StoreA1.ID, f.TenantA.ID, other}, {f.StoreB1.ID, f.TenantB.ID, victim}} {
			shop := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.Anonymous, StoreID: c.store, TenantID: c.tenant, ShopOpen: true})
			_, err := api.App.Customers.Register(shop, customer.RegisterInput{Email: c.email, Password: testenv.Password})
			require.NoError(t, err)
		}
		at := func(email, password string, store int, remote string) request {
			return request{query: customerLoginQ, vars: map[string]any{"e": email, "p": password, "s": id(store)}, remote: remote}
		}
		guessers := []string{uniqueClient(), uniqueClient()}
		for i := range 4 {
			requireErrorCode(t, send(t, h, at(victim, fmt.Sprintf("guess-%d", i), f.StoreA1.ID, guessers[i%2])), http.StatusOK, "UNAUTHENTICATED")
		}
		statements.Take()

		// Blocked at the tenant's other store too, from a fresh address, unchecked.
		r := send(t, h, at(victim, testenv.Password, f.StoreA2.ID, uniqueClient()))
		requireErrorCode(t, r, http.StatusOK, "RATE_LIMITED")
		assert.GreaterOrEqual(t, r.Errors[0].Extensions["retryAfter"], float64(1))
		assertNoData(t, r)
		for _, s := range statements.Take() {
			assert.NotContains(t, s.SQL, "users", "no account was looked up")
		}

		for _, g := range guessers {
			r = send(t, h, at(victim, testenv.Password, f.StoreB1.ID, g))
			require.Empty(t, r.Errors, "the same e-mail at tenant B: %s", r.Body)
			r = send(t, h, at(other, testenv.Password, f.StoreA1.ID, g))
			require.Empty(t, r.Errors, "another customer of A: %s", r.Body)
		}
	})
}

// A blocked account does not lock its owner out where it signed in before: an address
// the account signed in from passes the account's block (and still has its own count),
// while a fresh address and the guessers' are refused.
func TestAnAccountsOwnAddressSignsInWhileItIsBlocked(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		api, _ := testenv.CountedAPI(t, db, accountLimits())
		h := api.Handler
		owner := uniqueEmail("owner")
		_, err := api.App.Tenancy.CreateUser(sys(), tenancy.CreateUserInput{Email: owner, Password: testenv.Password})
		require.NoError(t, err)
		login := func(password, remote string) *gqlResponse {
			return send(t, h, request{query: loginQ, vars: map[string]any{"e": owner, "p": password}, remote: remote})
		}
		home := uniqueClient()
		require.Empty(t, login(testenv.Password, home).Errors)

		guessers := []string{uniqueClient(), uniqueClient()}
		for i := range 4 {
			requireErrorCode(t, login(fmt.Sprintf("guess-%d", i), guessers[i%2]), http.StatusOK, "UNAUTHENTICATED")
		}
		requireErrorCode(t, login(testenv.Password, uniqueClient()), http.StatusOK, "RATE_LIMITED")
		requireErrorCode(t, login(testenv.Password, guessers[0]), http.StatusOK, "RATE_LIMITED")

		r := login(testenv.Password, home)
		require.Empty(t, r.Errors, "the owner at home: %s", r.Body)
		assert.Contains(t, string(r.Data), "accessToken")
		// At home the password is still checked, and a wrong one counts.
		requireErrorCode(t, login("typo", home), http.StatusOK, "UNAUTHENTICATED")
	})
}
