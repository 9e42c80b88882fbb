package auth_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
)

var (
	testSecret = []byte("0123456789abcdef0123456789abcdef")
	testNow    = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
)

func newTestIssuer(t testing.TB) *auth.Issuer {
	t.Helper()
	iss, err := auth.NewIssuer(testSecret, 0)
	require.NoError(t, err)
	iss.Now = func() time.Time { return testNow }
	return iss
}

// goodClaims are claims ParseAccess accepts at testNow; tests break one thing.
func goodClaims() jwt.MapClaims {
	return jwt.MapClaims{
		"sub": "42",
		"iat": testNow.Add(-time.Minute).Unix(),
		"exp": testNow.Add(time.Minute).Unix(),
		"typ": "access",
		"jti": "abc",
	}
}

func sign(t testing.TB, m jwt.SigningMethod, key any, c jwt.MapClaims) string {
	t.Helper()
	tok, err := jwt.NewWithClaims(m, c).SignedString(key)
	require.NoError(t, err)
	return tok
}

func requireUnauthenticated(t *testing.T, err error, token string) {
	t.Helper()
	e, ok := apperr.As(err)
	require.True(t, ok, "want *apperr.Error, got %v", err)
	assert.Equal(t, apperr.Unauthenticated, e.Code)
	assert.Less(t, len(e.Message), 40, "message should be short")
	if len(token) > 8 {
		assert.NotContains(t, e.Message, token)
	}
}

func TestNewIssuer(t *testing.T) {
	_, err := auth.NewIssuer(testSecret[:31], time.Minute)
	assert.Error(t, err)
	_, err = auth.NewIssuer(nil, time.Minute)
	assert.Error(t, err)

	secret := append([]byte(nil), testSecret...)
	iss, err := auth.NewIssuer(secret, 0)
	require.NoError(t, err)
	assert.Equal(t, auth.DefaultAccessTTL, iss.AccessTTL)
	assert.Equal(t, 15*time.Minute, iss.AccessTTL)

	secret[0] = 'X'
	assert.Equal(t, testSecret, iss.Secret, "issuer must keep its own copy")

	iss, err = auth.NewIssuer(testSecret, time.Hour)
	require.NoError(t, err)
	assert.Equal(t, time.Hour, iss.AccessTTL)
}

func TestAccessRoundTrip(t *testing.T) {
	iss := newTestIssuer(t)
	tok, exp, err := iss.IssueAccess(42)
	require.NoError(t, err)
	assert.Equal(t, testNow.Add(15*time.Minute), exp)

	c, err := iss.ParseAccess(tok)
	require.NoError(t, err)
	assert.Equal(t, 42, c.UserID)
	assert.True(t, c.IssuedAt.Equal(testNow))
	assert.True(t, c.ExpiresAt.Equal(exp))

	// Wire format: HS256, decimal sub, typ and a unique jti.
	var m jwt.MapClaims
	parsed, _, err := jwt.NewParser().ParseUnverified(tok, &m)
	require.NoError(t, err)
	assert.Equal(t, "HS256", parsed.Header["alg"])
	assert.Equal(t, "42", m["sub"])
	assert.Equal(t, "access", m["typ"])
	assert.NotEmpty(t, m["jti"])

	tok2, _, err := iss.IssueAccess(42)
	require.NoError(t, err)
	var m2 jwt.MapClaims
	_, _, err = jwt.NewParser().ParseUnverified(tok2, &m2)
	require.NoError(t, err)
	assert.NotEqual(t, m["jti"], m2["jti"])
}

func TestAccessDefaultsOnBareIssuer(t *testing.T) {
	iss := &auth.Issuer{Secret: testSecret} // no TTL, no clock
	before := time.Now().Truncate(time.Second)
	tok, exp, err := iss.IssueAccess(7)
	require.NoError(t, err)
	assert.WithinDuration(t, before.Add(auth.DefaultAccessTTL), exp, 2*time.Second)
	c, err := iss.ParseAccess(tok)
	require.NoError(t, err)
	assert.Equal(t, 7, c.UserID)
}

func TestIssueAccessRefuses(t *testing.T) {
	_, _, err := (&auth.Issuer{Secret: testSecret[:16]}).IssueAccess(1)
	assert.Error(t, err, "short secret")
	_, _, err = newTestIssuer(t).IssueAccess(0)
	assert.Error(t, err, "non-positive user id")
}

func TestParseAccessShortSecretIssuer(t *testing.T) {
	// An Issuer built by hand with an empty secret must not accept tokens
	// HMAC'd with the empty key.
	tok := sign(t, jwt.SigningMethodHS256, []byte{}, goodClaims())
	iss := &auth.Issuer{Now: func() time.Time { return testNow }}
	_, err := iss.ParseAccess(tok)
	requireUnauthenticated(t, err, tok)
}

func TestParseAccessAcceptsCraftedGood(t *testing.T) {
	// Guards the rejection tests: the helper itself makes acceptable tokens.
	c, err := newTestIssuer(t).ParseAccess(sign(t, jwt.SigningMethodHS256, testSecret, goodClaims()))
	require.NoError(t, err)
	assert.Equal(t, 42, c.UserID)
}

func TestParseAccessRejects(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)

	with := func(edit func(jwt.MapClaims)) jwt.MapClaims {
		c := goodClaims()
		edit(c)
		return c
	}
	hs := func(c jwt.MapClaims) string { return sign(t, jwt.SigningMethodHS256, testSecret, c) }

	good := hs(goodClaims())
	parts := strings.Split(good, ".")
	otherPayload := strings.Split(hs(with(func(c jwt.MapClaims) { c["sub"] = "1" })), ".")[1]

	// Algorithm confusion: header claims RS256 but the signature is HMAC
	// with our secret, as if the secret were an RSA public key.
	confused := jwt.NewWithClaims(jwt.SigningMethodHS256, goodClaims())
	confused.Header["alg"] = "RS256"
	confusedTok, err := confused.SignedString(testSecret)
	require.NoError(t, err)

	cases := map[string]string{
		"alg none":     sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, goodClaims()),
		"HS384":        sign(t, jwt.SigningMethodHS384, testSecret, goodClaims()),
		"HS512":        sign(t, jwt.SigningMethodHS512, testSecret, goodClaims()),
		"RS256":        sign(t, jwt.SigningMethodRS256, rsaKey, goodClaims()),
		"ES256":        sign(t, jwt.SigningMethodES256, ecKey, goodClaims()),
		"RS256 header": confusedTok,
		"wrong secret": sign(t, jwt.SigningMethodHS256, []byte("another-secret-another-secret-32"), goodClaims()),
		"tampered":     parts[0] + "." + otherPayload + "." + parts[2],
		"no signature": parts[0] + "." + parts[1] + ".",
		"expired":      hs(with(func(c jwt.MapClaims) { c["exp"] = testNow.Add(-time.Second).Unix() })),
		"exp now":      hs(with(func(c jwt.MapClaims) { c["exp"] = testNow.Unix() })),
		"missing exp":  hs(with(func(c jwt.MapClaims) { delete(c, "exp") })),
		"missing iat":  hs(with(func(c jwt.MapClaims) { delete(c, "iat") })),
		"future iat":   hs(with(func(c jwt.MapClaims) { c["iat"] = testNow.Add(time.Minute).Unix() })),
		"string exp":   hs(with(func(c jwt.MapClaims) { c["exp"] = "soon" })),
		"typ refresh":  hs(with(func(c jwt.MapClaims) { c["typ"] = "refresh" })),
		"missing typ":  hs(with(func(c jwt.MapClaims) { delete(c, "typ") })),
		"typ number":   hs(with(func(c jwt.MapClaims) { c["typ"] = 1 })),
		"sub abc":      hs(with(func(c jwt.MapClaims) { c["sub"] = "abc" })),
		"sub 0":        hs(with(func(c jwt.MapClaims) { c["sub"] = "0" })),
		"sub -3":       hs(with(func(c jwt.MapClaims) { c["sub"] = "-3" })),
		"sub +5":       hs(with(func(c jwt.MapClaims) { c["sub"] = "+5" })),
		"sub 007":      hs(with(func(c jwt.MapClaims) { c["sub"] = "007" })),
		"sub empty":    hs(with(func(c jwt.MapClaims) { c["sub"] = "" })),
		"sub missing":  hs(with(func(c jwt.MapClaims) { delete(c, "sub") })),
		"sub number":   hs(with(func(c jwt.MapClaims) { c["sub"] = 42 })),
		"sub overflow": hs(with(func(c jwt.MapClaims) { c["sub"] = "99999999999999999999" })),
		"empty":        "",
		"garbage":      "not a token",
		"two parts":    parts[0] + "." + parts[1],
		"four parts":   good + ".x",
		"bad base64":   "!!!." + parts[1] + "." + parts[2],
		"huge":         good + strings.Repeat("A", 5000),
	}
	iss := newTestIssuer(t)
	for name, tok := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := iss.ParseAccess(tok)
			requireUnauthenticated(t, err, tok)
			assert.Zero(t, c)
		})
	}
}

func TestParseAccessExpiredByClock(t *testing.T) {
	iss := newTestIssuer(t)
	tok, exp, err := iss.IssueAccess(42)
	require.NoError(t, err)

	iss.Now = func() time.Time { return exp.Add(-time.Second) }
	_, err = iss.ParseAccess(tok)
	require.NoError(t, err)

	iss.Now = func() time.Time { return exp.Add(time.Second) }
	_, err = iss.ParseAccess(tok)
	requireUnauthenticated(t, err, tok)
	assert.Contains(t, err.Error(), "expired", "clients use this to know to refresh")
}
