package auth_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/dakkah/cityos/apperr"
)

// FuzzParseAccess checks that ParseAccess never panics, fails only with
// UNAUTHENTICATED, and accepts only positive-user tokens that really were
// HS256-signed with the issuer's secret.
func FuzzParseAccess(f *testing.F) {
	iss := newTestIssuer(f)
	valid, _, err := iss.IssueAccess(42)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(valid)
	f.Add("")
	f.Add("a.b.c")
	f.Add(strings.Replace(valid, ".", "..", 1))
	f.Add(valid[:len(valid)-1])
	f.Add(sign(f, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, goodClaims()))
	f.Add(sign(f, jwt.SigningMethodHS512, testSecret, goodClaims()))
	f.Add(sign(f, jwt.SigningMethodHS256, []byte("another-secret-another-secret-32"), goodClaims()))
	for _, sub := range []any{"abc", "0", "-3", "+5", 42, nil} {
		c := goodClaims()
		c["sub"] = sub
		f.Add(sign(f, jwt.SigningMethodHS256, testSecret, c))
	}
	bad := goodClaims()
	bad["typ"] = "refresh"
	f.Add(sign(f, jwt.SigningMethodHS256, testSecret, bad))

	reverify := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithoutClaimsValidation())
	f.Fuzz(func(t *testing.T, tok string) {
		c, err := iss.ParseAccess(tok)
		if err != nil {
			if apperr.CodeOf(err) != apperr.Unauthenticated {
				t.Fatalf("error code %q, want UNAUTHENTICATED", apperr.CodeOf(err))
			}
			return
		}
		if c.UserID <= 0 {
			t.Fatalf("accepted UserID %d", c.UserID)
		}
		if !c.ExpiresAt.After(testNow) || c.IssuedAt.After(testNow) {
			t.Fatalf("accepted token outside its validity window: iat %v exp %v", c.IssuedAt, c.ExpiresAt)
		}
		var m jwt.MapClaims
		parsed, err := reverify.ParseWithClaims(tok, &m, func(*jwt.Token) (any, error) { return testSecret, nil })
		if err != nil || parsed.Method != jwt.SigningMethodHS256 {
			t.Fatalf("accepted a token jwt does not verify: %v", err)
		}
		if m["sub"] != strconv.Itoa(c.UserID) || m["typ"] != "access" {
			t.Fatalf("claims mismatch: %v vs %+v", m, c)
		}
	})
}
