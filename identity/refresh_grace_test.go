package identity_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/testenv"
)

// Two tabs refresh with the same token: the second, within the grace window, gets the
// same successor, and both tabs carry on. Reuse after the window is a replay.
func TestRefreshGraceWindow(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		svc, clk := service(t, db)
		require.Equal(t, identity.DefaultRefreshGrace, svc.RefreshGrace)
		require.Equal(t, 10*time.Second, identity.DefaultRefreshGrace)

		s, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)
		tab1, err := svc.Refresh(sysCtx(), s.RefreshToken)
		require.NoError(t, err)
		clk.advance(10 * time.Second) // the very edge of the window
		tab2, err := svc.Refresh(sysCtx(), s.RefreshToken)
		require.NoError(t, err)
		assert.Equal(t, tab1.RefreshToken, tab2.RefreshToken, "the same successor")
		claims, err := issuer(t).ParseAccess(tab2.AccessToken)
		require.NoError(t, err)
		assert.Equal(t, s.User.ID, claims.UserID)
		assert.Equal(t, s.User.ID, tab2.User.ID)

		// The successor rotates on as usual.
		next, err := svc.Refresh(sysCtx(), tab2.RefreshToken)
		require.NoError(t, err)

		// Past the window, the first token is a replay: the whole family goes.
		clk.advance(time.Second)
		_, err = svc.Refresh(sysCtx(), s.RefreshToken)
		assert.Equal(t, "invalid refresh token", requireUnauthenticated(t, err))
		_, err = svc.Refresh(sysCtx(), next.RefreshToken)
		requireUnauthenticated(t, err)
	})
}

// Within the window, a token whose successor was already used (the first tab rotated
// again) is a replay too: the grace covers tabs racing, not a chain replayed.
func TestRefreshGraceEndsWhenTheSuccessorIsUsed(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		svc, clk := service(t, db)
		s, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)
		first, err := svc.Refresh(sysCtx(), s.RefreshToken)
		require.NoError(t, err)
		clk.advance(time.Second)
		second, err := svc.Refresh(sysCtx(), first.RefreshToken)
		require.NoError(t, err)

		_, err = svc.Refresh(sysCtx(), s.RefreshToken)
		requireUnauthenticated(t, err)
		_, err = svc.Refresh(sysCtx(), second.RefreshToken)
		requireUnauthenticated(t, err) // the family is revoked
	})
}

// The window is configurable; zero turns it off and restores strict single use.
func TestRefreshGraceConfigurable(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		svc, clk := service(t, db)
		svc.RefreshGrace = 0
		s, err := svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)
		next, err := svc.Refresh(sysCtx(), s.RefreshToken)
		require.NoError(t, err)
		clk.advance(time.Millisecond)
		_, err = svc.Refresh(sysCtx(), s.RefreshToken)
		requireUnauthenticated(t, err)
		_, err = svc.Refresh(sysCtx(), next.RefreshToken)
		requireUnauthenticated(t, err) // the family is revoked

		// A longer window covers a slower second tab.
		svc.RefreshGrace = time.Minute
		s, err = svc.Login(sysCtx(), "admin@acme.test", testenv.Password)
		require.NoError(t, err)
		next, err = svc.Refresh(sysCtx(), s.RefreshToken)
		require.NoError(t, err)
		clk.advance(59 * time.Second)
		again, err := svc.Refresh(sysCtx(), s.RefreshToken)
		require.NoError(t, err)
		assert.Equal(t, next.RefreshToken, again.RefreshToken)
	})
}
