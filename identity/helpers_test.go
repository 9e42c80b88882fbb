package identity_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// clock is a hand-moved clock for a Service: tests never wait for time to pass.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }
func newClock() *clock                   { return &clock{t: time.Now().UTC().Truncate(time.Second)} }
func sysCtx() context.Context            { return viewer.SystemContext(context.Background(), "identity-test") }
func userCtx(id int) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.User, UserID: id})
}
func issuer(t *testing.T) *auth.Issuer { return mustIssuer(t, testenv.Config().JWTSecret) }

func mustIssuer(t *testing.T, secret string) *auth.Issuer {
	t.Helper()
	iss, err := auth.NewIssuer([]byte(secret), 0)
	require.NoError(t, err)
	return iss
}

// service is a Service of its own over the fixture's database, with a clock the test
// moves, so changing time does not touch the API's Service.
func service(t *testing.T, db *testenv.DB) (*identity.Service, *clock) {
	t.Helper()
	c := newClock()
	s := identity.New(db.Client, issuer(t))
	s.SetClock(c.now)
	return s, c
}

// requireUnauthenticated checks err is an UNAUTHENTICATED error and returns its message.
func requireUnauthenticated(t *testing.T, err error) string {
	t.Helper()
	require.Error(t, err)
	e, ok := apperr.As(err)
	require.True(t, ok, "want an *apperr.Error, got %T: %v", err, err)
	require.Equal(t, apperr.Unauthenticated, e.Code, "message: %s", e.Message)
	return e.Message
}
