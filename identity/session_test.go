package identity_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent/refreshtoken"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

func TestLogin(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		want := f.Users[testenv.TenantAdminA]

		// E-mails are matched case- and space-insensitively.
		s, err := svc.Login(sysCtx(), "  ADMIN@acme.test ", testenv.Password)
		require.NoError(t, err)
		assert.NotEmpty(t, s.AccessToken)
		assert.True(t, strings.HasPrefix(s.RefreshToken, "rt_"), s.RefreshToken)
		assert.True(t, s.ExpiresAt.After(time.Now()))
		require.NotNil(t, s.User)
		assert.Equal(t, want.ID, s.User.ID)

		claims, err := issuer(t).ParseAccess(s.AccessToken)
		require.NoError(t, err)
		assert.Equal(t, want.ID, claims.UserID)
		assert.Equal(t, s.ExpiresAt.Unix(), claims.ExpiresAt.Unix())

		next, err := svc.Refresh(sysCtx(), s.RefreshToken)
		require.NoError(t, err)
		assert.Equal(t, want.ID, next.User.ID)
		assert.NotEqual(t, s.RefreshToken, next.RefreshToken)
		claims, err = issuer(t).ParseAccess(next.AccessToken)
		require.NoError(t, err)
		assert.Equal(t, want.ID, claims.UserID)
	})
}

// Nothing in the answer tells an unknown e-mail from a wrong password or a disabled user.
func TestLoginFailuresLookAlike(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		disabled, err := db.Client.User.Update().Where(user.Email("customer@acme.test")).
			SetStatus(user.StatusDisabled).Save(sysCtx())
		require.NoError(t, err)
		require.Equal(t, 1, disabled)

		cases := map[string][2]string{
			"wrong password": {"admin@acme.test", "not-the-password"},
			"empty password": {"admin@acme.test", ""},
			"unknown e-mail": {"nobody@acme.test", testenv.Password},
			"disabled user":  {"customer@acme.test", testenv.Password},
			"empty e-mail":   {"", testenv.Password},
			"trailing space": {"root@platform.test", testenv.Password + " "},
		}
		for name, c := range cases {
			t.Run(name, func(t *testing.T) {
				s, err := svc.Login(sysCtx(), c[0], c[1])
				assert.Nil(t, s)
				assert.Equal(t, "wrong e-mail or password", requireUnauthenticated(t, err))
			})
		}
	})
}

func TestRefreshRotatesAndReuseRevokesFamily(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		first, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)
		other, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password) // a second device
		require.NoError(t, err)

		second, err := svc.Refresh(sysCtx(), first.RefreshToken)
		require.NoError(t, err)
		assert.NotEqual(t, first.RefreshToken, second.RefreshToken)
		assert.NotEqual(t, first.AccessToken, second.AccessToken)

		third, err := svc.Refresh(sysCtx(), second.RefreshToken)
		require.NoError(t, err)

		// The first token was used: presenting it again is a replay.
		_, err = svc.Refresh(sysCtx(), first.RefreshToken)
		assert.Equal(t, "invalid refresh token", requireUnauthenticated(t, err))

		// ...which revoked the whole family, down to its newest, never-used token.
		_, err = svc.Refresh(sysCtx(), third.RefreshToken)
		requireUnauthenticated(t, err)

		// Another family of the same user is untouched.
		_, err = svc.Refresh(sysCtx(), other.RefreshToken)
		require.NoError(t, err)

		// Tokens that were never issued get the same answer.
		for _, bad := range []string{"", "rt_nope", strings.Repeat("x", 5000)} {
			_, err = svc.Refresh(sysCtx(), bad)
			requireUnauthenticated(t, err)
		}
	})
}

// Concurrent refreshes of one token (tabs waking together) all get the one successor:
// one new token is created, none is revoked.
func TestConcurrentRefreshYieldsOneSession(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		svc, _ := service(t, db) // a clock that stands still: every refresh is within the grace window
		s, err := svc.Login(sysCtx(), "manager@a1.test", testenv.Password)
		require.NoError(t, err)

		const n = 10
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
			got   = make(chan string, n)
			errs  = make(chan error, n)
		)
		for range n {
			wg.Go(func() {
				<-start
				next, err := svc.Refresh(sysCtx(), s.RefreshToken)
				if err != nil {
					errs <- err
					return
				}
				got <- next.RefreshToken
			})
		}
		close(start)
		wg.Wait()
		close(errs)
		close(got)

		for err := range errs {
			t.Errorf("refresh failed: %v", err)
		}
		successors := map[string]bool{}
		for tok := range got {
			successors[tok] = true
		}
		require.Len(t, successors, 1, "every refresh answers the same successor")
		first, err := db.Client.RefreshToken.Query().Where(refreshtoken.TokenHash(auth.HashToken(s.RefreshToken))).Only(sysCtx())
		require.NoError(t, err)
		n2, err := db.Client.RefreshToken.Query().Where(refreshtoken.Family(first.Family)).Count(sysCtx())
		require.NoError(t, err)
		assert.Equal(t, 2, n2, "the first token and its one successor")
		for tok := range successors {
			_, err := svc.Refresh(sysCtx(), tok)
			require.NoError(t, err, "the successor is live")
		}
	})
}

func TestExpiredRefreshTokenRefused(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		svc, clk := service(t, db)
		early, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)
		late, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)

		clk.advance(identity.RefreshTTL - time.Minute)
		_, err = svc.Refresh(sysCtx(), early.RefreshToken)
		require.NoError(t, err, "still within its lifetime")

		clk.advance(time.Minute) // exactly at expiry: no longer valid
		_, err = svc.Refresh(sysCtx(), late.RefreshToken)
		assert.Equal(t, "invalid refresh token", requireUnauthenticated(t, err))

		clk.advance(24 * time.Hour)
		_, err = svc.Refresh(sysCtx(), late.RefreshToken)
		requireUnauthenticated(t, err)
	})
}

func TestLogoutWithTokenRevokesItsFamily(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		a, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)
		b, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)
		a2, err := svc.Refresh(sysCtx(), a.RefreshToken)
		require.NoError(t, err)

		// The token is the credential: no signed-in viewer is needed, and an older link of
		// the chain names the family as well as the newest one.
		require.NoError(t, svc.Logout(sysCtx(), a.RefreshToken))
		_, err = svc.Refresh(sysCtx(), a2.RefreshToken)
		requireUnauthenticated(t, err)

		_, err = svc.Refresh(sysCtx(), b.RefreshToken)
		require.NoError(t, err, "another session survives")

		// An unknown token is not an error: logging out twice is harmless.
		assert.NoError(t, svc.Logout(sysCtx(), "rt_unknown"))
		assert.NoError(t, svc.Logout(sysCtx(), a.RefreshToken))
	})
}

func TestLogoutWithoutTokenRevokesEverySessionOfTheUser(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		var mine []*identity.Session
		for range 3 {
			s, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
			require.NoError(t, err)
			mine = append(mine, s)
		}
		rotated, err := svc.Refresh(sysCtx(), mine[2].RefreshToken)
		require.NoError(t, err)
		theirs, err := svc.Login(sysCtx(), "admin@bolt.test", testenv.Password)
		require.NoError(t, err)

		require.NoError(t, svc.Logout(userCtx(f.Users[testenv.TenantAdminA].ID), ""))
		for _, tok := range []string{mine[0].RefreshToken, mine[1].RefreshToken, rotated.RefreshToken} {
			_, err := svc.Refresh(sysCtx(), tok)
			requireUnauthenticated(t, err)
		}
		_, err = svc.Refresh(sysCtx(), theirs.RefreshToken)
		require.NoError(t, err, "another user's session survives")
	})
}

func TestLogoutWithoutTokenNeedsAUser(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc, _ := service(t, db)
		s, err := svc.Login(sysCtx(), "admin@bolt.test", testenv.Password)
		require.NoError(t, err)

		for name, v := range map[string]*viewer.Viewer{
			"anonymous":       {Kind: viewer.Anonymous},
			"secret key":      {Kind: viewer.SecretKey, APIKeyID: f.KeyB.ID, TenantID: f.TenantB.ID},
			"publishable key": {Kind: viewer.PublishableKey, APIKeyID: f.KeyA1.ID, TenantID: f.TenantA.ID},
		} {
			t.Run(name, func(t *testing.T) {
				requireUnauthenticated(t, svc.Logout(viewer.NewContext(sysCtx(), v), ""))
			})
		}
		requireUnauthenticated(t, svc.Logout(t.Context(), "")) // no viewer at all

		_, err = svc.Refresh(sysCtx(), s.RefreshToken)
		require.NoError(t, err, "nothing was revoked")
	})
}
