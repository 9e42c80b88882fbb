package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/testenv"
)

const meQuery = `{ me { id email } }`

type meData struct {
	Me *struct {
		ID    string `json:"id"`
		Email string `json:"email"`
	} `json:"me"`
}

func TestMeWithBearerToken(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler

		r := gql(t, h, f.As(testenv.TenantAdminA), meQuery, nil)
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		require.Empty(t, r.Errors)
		var d meData
		require.NoError(t, json.Unmarshal(r.Data, &d))
		require.NotNil(t, d.Me)
		assert.Equal(t, id(f.Users[testenv.TenantAdminA].ID), d.Me.ID)
		assert.Equal(t, "admin@acme.test", d.Me.Email)

		// A token from the login mutation works the same way.
		r = gql(t, h, nil, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }`,
			map[string]any{"e": "manager@a1.test", "p": testenv.Password})
		require.Empty(t, r.Errors, r.Body)
		var login struct {
			Login struct{ AccessToken string }
		}
		require.NoError(t, json.Unmarshal(r.Data, &login))
		r = gql(t, h, testenv.Headers{"Authorization": "Bearer " + login.Login.AccessToken}, meQuery, nil)
		require.NoError(t, json.Unmarshal(r.Data, &d))
		require.NotNil(t, d.Me, r.Body)
		assert.Equal(t, id(f.Users[testenv.ManagerA1].ID), d.Me.ID)

		// Without credentials there is no one to show.
		r = gql(t, h, nil, meQuery, nil)
		require.Equal(t, http.StatusOK, r.Status)
		require.NoError(t, json.Unmarshal(r.Data, &d))
		assert.Nil(t, d.Me)
	})
}

func TestBadBearerTokensAreRefused(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		secret := testenv.Config().JWTSecret
		userID := f.Users[testenv.SuperAdmin].ID

		expiredIssuer, err := auth.NewIssuer([]byte(secret), time.Minute)
		require.NoError(t, err)
		expiredIssuer.Now = func() time.Time { return time.Now().Add(-time.Hour) }
		expired, _, err := expiredIssuer.IssueAccess(userID)
		require.NoError(t, err)

		foreignIssuer, err := auth.NewIssuer([]byte(strings.Repeat("z", 48)), 0)
		require.NoError(t, err)
		foreign, _, err := foreignIssuer.IssueAccess(userID)
		require.NoError(t, err)

		claims := jwt.MapClaims{"typ": "access", "sub": id(userID), "iat": time.Now().Unix(), "exp": time.Now().Add(time.Hour).Unix()}
		none, err := jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType)
		require.NoError(t, err)
		// HS512 with our own secret: right key, algorithm not the one pinned.
		hs512, err := jwt.NewWithClaims(jwt.SigningMethodHS512, claims).SignedString([]byte(secret))
		require.NoError(t, err)

		valid := f.As(testenv.SuperAdmin)["Authorization"]
		cases := map[string]string{
			"malformed":        "Bearer not-a-jwt",
			"three dots":       "Bearer a.b.c",
			"empty token":      "Bearer ",
			"no scheme":        strings.TrimPrefix(valid, "Bearer "),
			"basic scheme":     "Basic dXNlcjpwYXNz",
			"expired":          "Bearer " + expired,
			"alg none":         "Bearer " + none,
			"foreign secret":   "Bearer " + foreign,
			"other algorithm":  "Bearer " + hs512,
			"tampered payload": tamper(valid),
		}
		for name, header := range cases {
			t.Run(name, func(t *testing.T) {
				r := gql(t, f.API.Handler, testenv.Headers{"Authorization": header}, meQuery, nil)
				requireErrorCode(t, r, http.StatusUnauthorized, "UNAUTHENTICATED")
				assertNoData(t, r)
				if tok := strings.TrimPrefix(header, "Bearer "); tok != "" {
					assert.NotContains(t, r.Body, tok, "the token is never echoed")
				}
			})
		}
		r := gql(t, f.API.Handler, testenv.Headers{"Authorization": "Bearer " + expired}, meQuery, nil)
		assert.Equal(t, "access token expired", r.Errors[0].Message)
	})
}

// tamper changes one character of the payload of a bearer header's token.
func tamper(header string) string {
	parts := strings.Split(strings.TrimPrefix(header, "Bearer "), ".")
	p := []byte(parts[1])
	if p[3] == 'A' {
		p[3] = 'B'
	} else {
		p[3] = 'A'
	}
	parts[1] = string(p)
	return "Bearer " + strings.Join(parts, ".")
}

const tenantQuery = `query($id: ID!) { tenant(id: $id) { id name billingEmail } }`

type tenantData struct {
	Tenant *struct {
		ID           string  `json:"id"`
		Name         string  `json:"name"`
		BillingEmail *string `json:"billingEmail"`
	} `json:"tenant"`
}

func TestAPIKeyHeaders(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		vars := map[string]any{"id": id(f.TenantB.ID)}

		// A secret key in X-Api-Key acts as its tenant's admin: it sees the billing contact.
		r := gql(t, h, testenv.Headers{"X-Api-Key": f.Keys[testenv.SecretB]}, tenantQuery, vars)
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		require.Empty(t, r.Errors, r.Body)
		var d tenantData
		require.NoError(t, json.Unmarshal(r.Data, &d))
		require.NotNil(t, d.Tenant)
		require.NotNil(t, d.Tenant.BillingEmail)
		assert.Equal(t, "billing@bolt.test", *d.Tenant.BillingEmail)

		refused := map[string]testenv.Headers{
			"publishable key as secret":   {"X-Api-Key": f.Keys[testenv.PublishableA]},
			"secret key as publishable":   {"X-Publishable-Key": f.Keys[testenv.SecretB]},
			"unknown secret key":          {"X-Api-Key": "sk_" + strings.Repeat("A", 43)},
			"unknown publishable key":     {"X-Publishable-Key": "pk_nope"},
			"bearer wins over a good key": {"Authorization": "Bearer nope", "X-Api-Key": f.Keys[testenv.SecretB]},
		}
		for name, hd := range refused {
			t.Run(name, func(t *testing.T) {
				r := gql(t, h, hd, tenantQuery, vars)
				requireErrorCode(t, r, http.StatusUnauthorized, "UNAUTHENTICATED")
			})
		}

		// A publishable key in its own header is accepted.
		r = gql(t, h, f.As(testenv.PublishableA), meQuery, nil)
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		require.Empty(t, r.Errors, r.Body)

		// Once revoked, the secret key stops working.
		_, err := f.API.App.Tenancy.RevokeAPIKey(sys(), f.KeyB.ID)
		require.NoError(t, err)
		r = gql(t, h, testenv.Headers{"X-Api-Key": f.Keys[testenv.SecretB]}, tenantQuery, vars)
		requireErrorCode(t, r, http.StatusUnauthorized, "UNAUTHENTICATED")
	})
}

func TestSessionMutations(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		type pair struct{ AccessToken, RefreshToken string }
		login := func() pair {
			r := gql(t, h, nil, `mutation { login(email: "customer@acme.test", password: "`+testenv.Password+`") { accessToken refreshToken } }`, nil)
			require.Empty(t, r.Errors, r.Body)
			var d struct{ Login pair }
			require.NoError(t, json.Unmarshal(r.Data, &d))
			return d.Login
		}
		refresh := func(tok string) *gqlResponse {
			return gql(t, h, nil, `mutation($t: String!) { refreshToken(token: $t) { accessToken refreshToken user { email } } }`, map[string]any{"t": tok})
		}

		s := login()
		r := refresh(s.RefreshToken)
		require.Empty(t, r.Errors, r.Body)
		var first struct{ RefreshToken pair }
		require.NoError(t, json.Unmarshal(r.Data, &first))
		// A second tab within the grace window gets the same successor...
		r = refresh(s.RefreshToken)
		require.Empty(t, r.Errors, r.Body)
		var second struct{ RefreshToken pair }
		require.NoError(t, json.Unmarshal(r.Data, &second))
		assert.Equal(t, first.RefreshToken.RefreshToken, second.RefreshToken.RefreshToken)
		// ...and past it (here: no window at all) the reuse is refused.
		f.API.App.Identity.RefreshGrace = 0
		r = refresh(s.RefreshToken)
		requireErrorCode(t, r, http.StatusOK, "UNAUTHENTICATED")
		assert.Equal(t, "invalid refresh token", r.Errors[0].Message)

		r = gql(t, h, nil, `mutation { logout }`, nil)
		requireErrorCode(t, r, http.StatusOK, "UNAUTHENTICATED")

		s = login()
		r = gql(t, h, nil, `mutation($t: String) { logout(refreshToken: $t) }`, map[string]any{"t": s.RefreshToken})
		require.Empty(t, r.Errors, r.Body)
		assert.JSONEq(t, `{"logout":true}`, string(r.Data))
		requireErrorCode(t, refresh(s.RefreshToken), http.StatusOK, "UNAUTHENTICATED")

		s = login()
		r = gql(t, h, testenv.Headers{"Authorization": "Bearer " + s.AccessToken}, `mutation { logout }`, nil)
		require.Empty(t, r.Errors, r.Body)
		requireErrorCode(t, refresh(s.RefreshToken), http.StatusOK, "UNAUTHENTICATED")
	})
}
