package auth

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/dakkah/cityos/apperr"
)

const (
	// MinSecretLen is the HS256 key size: a shorter HMAC key is weaker than
	// the hash and may be brute-forced offline from any issued token.
	MinSecretLen = 32
	// DefaultAccessTTL keeps access tokens short-lived because they cannot be
	// revoked; refresh tokens carry the long-lived session.
	DefaultAccessTTL = 15 * time.Minute

	typeAccess = "access"
	// maxTokenLen bounds the work an attacker can make us do per request;
	// real access tokens are a few hundred bytes.
	maxTokenLen = 4096
)

// Issuer signs and verifies access tokens with one HMAC secret.
type Issuer struct {
	Secret []byte
	// AccessTTL is the access token lifetime; zero or less means DefaultAccessTTL.
	AccessTTL time.Duration
	// Now is the clock; nil means time.Now. Tests inject a fixed clock.
	Now func() time.Time
}

// AccessClaims is what a verified access token says.
type AccessClaims struct {
	UserID    int
	IssuedAt  time.Time
	ExpiresAt time.Time
}

// accessClaims is the wire form. "typ" keeps other token kinds signed with the
// same secret (should any appear) from being accepted as access tokens.
type accessClaims struct {
	Type string `json:"typ"`
	jwt.RegisteredClaims
}

var errShortSecret = fmt.Errorf("auth: JWT secret must be at least %d bytes", MinSecretLen)

// NewIssuer returns an Issuer, refusing secrets shorter than MinSecretLen.
// The secret is copied so later changes to the caller's slice have no effect.
func NewIssuer(secret []byte, ttl time.Duration) (*Issuer, error) {
	if len(secret) < MinSecretLen {
		return nil, errShortSecret
	}
	if ttl <= 0 {
		ttl = DefaultAccessTTL
	}
	return &Issuer{Secret: append([]byte(nil), secret...), AccessTTL: ttl, Now: time.Now}, nil
}

func (iss *Issuer) now() time.Time {
	if iss.Now != nil {
		return iss.Now()
	}
	return time.Now()
}

func (iss *Issuer) ttl() time.Duration {
	if iss.AccessTTL > 0 {
		return iss.AccessTTL
	}
	return DefaultAccessTTL
}

// IssueAccess signs an HS256 access token for userID and returns it with its
// expiry (truncated to whole seconds, as stored in the token).
func (iss *Issuer) IssueAccess(userID int) (string, time.Time, error) {
	// Checked here too because Issuer's fields are exported and it may be
	// built without NewIssuer.
	if len(iss.Secret) < MinSecretLen {
		return "", time.Time{}, errShortSecret
	}
	if userID <= 0 {
		return "", time.Time{}, fmt.Errorf("auth: invalid user id %d", userID)
	}
	now := iss.now()
	claims := accessClaims{
		Type: typeAccess,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   strconv.Itoa(userID),
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(iss.ttl())),
			// jti makes every token unique, so a deny-list can target one.
			ID: RandomHex(16),
		},
	}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(iss.Secret)
	if err != nil {
		return "", time.Time{}, err
	}
	return tok, claims.ExpiresAt.Time, nil
}

// Error messages stay generic: they reach clients, and the token must never be
// echoed back (it could end up in logs).
func invalidToken() error { return apperr.New(apperr.Unauthenticated, "invalid access token") }
func expiredToken() error { return apperr.New(apperr.Unauthenticated, "access token expired") }

// ParseAccess verifies token and returns its claims. Every failure is an
// *apperr.Error with code UNAUTHENTICATED.
func (iss *Issuer) ParseAccess(token string) (AccessClaims, error) {
	if len(iss.Secret) < MinSecretLen || token == "" || len(token) > maxTokenLen {
		return AccessClaims{}, invalidToken()
	}
	p := jwt.NewParser(
		// Pinning the algorithm defeats alg=none and algorithm-confusion
		// attacks (e.g. an RS256 token "verified" with our secret).
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(iss.now),
	)
	var c accessClaims
	_, err := p.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return iss.Secret, nil })
	if err != nil {
		// The signature is checked before claims, so "expired" is only ever
		// said about a token we actually issued.
		if errors.Is(err, jwt.ErrTokenExpired) {
			return AccessClaims{}, expiredToken()
		}
		return AccessClaims{}, invalidToken()
	}
	// WithIssuedAt only rejects a future iat; it does not require one.
	if c.IssuedAt == nil || c.ExpiresAt == nil || c.Type != typeAccess {
		return AccessClaims{}, invalidToken()
	}
	id, err := strconv.Atoi(c.Subject)
	// Requiring the canonical form rejects "+5", "007" and the like, so one
	// user has exactly one subject spelling.
	if err != nil || id <= 0 || strconv.Itoa(id) != c.Subject {
		return AccessClaims{}, invalidToken()
	}
	return AccessClaims{UserID: id, IssuedAt: c.IssuedAt.Time, ExpiresAt: c.ExpiresAt.Time}, nil
}
