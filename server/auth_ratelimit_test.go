package server_test

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

func TestFailedAuthenticationIsRateLimited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		cfg := testenv.Config()
		cfg.AuthFailureLimit = 3
		api, statements := testenv.CountedAPI(t, db, cfg)
		h := api.Handler
		guesser, neighbour := uniqueClient(), uniqueClient()
		bad := map[string]testenv.Headers{
			"secret key":      {"X-Api-Key": "sk_live_guess"},
			"publishable key": {"X-Publishable-Key": "pk_live_guess"},
			"token":           {"Authorization": "Bearer not.a.token"},
		}

		for _, name := range []string{"secret key", "publishable key", "token"} {
			r := send(t, h, request{query: meQuery, remote: guesser, headers: bad[name]})
			requireErrorCode(t, r, http.StatusUnauthorized, "UNAUTHENTICATED")
		}
		// The address has used up its failures: its next credential, even a good one,
		// is refused before it is looked up.
		require.NotEmpty(t, statements.Take(), "the guessed keys were looked up")
		for _, hd := range []testenv.Headers{bad["secret key"], f.As(testenv.SecretB), f.As(testenv.TenantAdminA)} {
			r := send(t, h, request{query: meQuery, remote: guesser, headers: hd})
			requireErrorCode(t, r, http.StatusTooManyRequests, "RATE_LIMITED")
			retry, err := strconv.Atoi(r.Header.Get("Retry-After"))
			require.NoError(t, err)
			assert.GreaterOrEqual(t, retry, 1)
		}
		assert.Empty(t, statements.Take(), "no credential was looked up")

		// Without credentials the address is still served, and other addresses are not
		// held back.
		r := send(t, h, request{query: `{ __typename }`, remote: guesser})
		assert.Equal(t, http.StatusOK, r.Status, r.Body)
		r = send(t, h, request{query: meQuery, remote: neighbour, headers: f.As(testenv.SecretB)})
		assert.Equal(t, http.StatusOK, r.Status, r.Body)
		assert.Empty(t, r.Errors)
		r = send(t, h, request{query: meQuery, remote: neighbour, headers: bad["token"]})
		requireErrorCode(t, r, http.StatusUnauthorized, "UNAUTHENTICATED")
	})
}
