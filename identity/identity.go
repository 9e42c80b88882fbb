// Package identity signs users in and out and turns credentials (access tokens, API
// keys) into the viewer of a request. Its own reads and writes of users, tokens and keys
// run in the named system context: it is the one place that decides who a caller is.
package identity

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/refreshtoken"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/viewer"
)

// RefreshTTL is how long a refresh token stays usable.
const RefreshTTL = 30 * 24 * time.Hour

// DefaultRefreshGrace is how long a used refresh token still yields its successor.
const DefaultRefreshGrace = 10 * time.Second

// Service signs users in and identifies callers.
type Service struct {
	client *ent.Client
	issuer *auth.Issuer
	now    func() time.Time
	// RefreshGrace: a used refresh token presented again within this time of its first
	// use gets the same successor (two tabs refreshing at once); later it revokes the family.
	RefreshGrace time.Duration
	keys         keyCache
}

// New returns a Service.
func New(client *ent.Client, issuer *auth.Issuer) *Service {
	return &Service{client: client, issuer: issuer, now: time.Now, RefreshGrace: DefaultRefreshGrace}
}

// Session is a signed-in user's pair of tokens.
type Session struct {
	AccessToken  string
	RefreshToken string
	ExpiresAt    time.Time
	User         *ent.User
}

func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "identity") }

var errBadLogin = apperr.New(apperr.Unauthenticated, "wrong e-mail or password")

// Login checks an e-mail and password and starts a session.
func (s *Service) Login(ctx context.Context, email, password string) (*Session, error) {
	return s.LoginIn(ctx, 0, email, password)
}

// LoginIn checks an e-mail and password against the accounts of one realm (0: platform
// accounts; a tenant id: that tenant's customer accounts) and starts a session.
func (s *Service) LoginIn(ctx context.Context, realm int, email, password string) (*Session, error) {
	u, err := s.client.User.Query().Where(user.EmailEQ(NormalizeEmail(email)), user.Realm(realm)).Only(sys(ctx))
	if ent.IsNotFound(err) {
		auth.DummyCheck() // same time as a real check: timing does not reveal which e-mails exist
		return nil, errBadLogin
	}
	if err != nil {
		return nil, err
	}
	if !auth.CheckPassword(u.PasswordHash, password) || u.Status != user.StatusActive {
		return nil, errBadLogin
	}
	family := auth.RandomHex(16)
	return s.issue(ctx, s.client, u, family)
}

// StartSession signs in a user just verified some other way (a registration).
func (s *Service) StartSession(ctx context.Context, u *ent.User) (*Session, error) {
	return s.issue(ctx, s.client, u, auth.RandomHex(16))
}

// Refresh exchanges a refresh token for a new pair. A token works once: presenting a used
// or revoked one revokes its whole family, since it was stolen or replayed — except within
// RefreshGrace of its first use, when it answers the same successor token again (with a
// fresh access token), so two tabs that refresh together both stay signed in.
func (s *Service) Refresh(ctx context.Context, token string) (*Session, error) {
	invalid := apperr.New(apperr.Unauthenticated, "invalid refresh token")
	var out *Session
	var reuse bool
	err := withTx(sys(ctx), s.client, func(tx *ent.Tx) error {
		rt, err := tx.RefreshToken.Query().Where(refreshtoken.TokenHash(auth.HashToken(token))).WithUser().Only(sys(ctx))
		if ent.IsNotFound(err) {
			return invalid
		}
		if err != nil {
			return err
		}
		if rt.RevokedAt != nil || !s.now().Before(rt.ExpiresAt) || rt.Edges.User.Status != user.StatusActive {
			reuse = rt.RevokedAt != nil
			return invalid
		}
		if rt.UsedAt != nil {
			out, err = s.graceSuccessor(ctx, tx, token, rt)
			reuse = out == nil && err == nil
			if reuse {
				return invalid
			}
			return err
		}
		// Marking it used only if still unused makes two concurrent refreshes with the
		// same token create one successor, not two.
		n, err := tx.RefreshToken.Update().Where(refreshtoken.ID(rt.ID), refreshtoken.UsedAtIsNil()).
			SetUsedAt(s.now()).Save(sys(ctx))
		if err != nil {
			return err
		}
		if n == 0 {
			usedNow := s.now() // by a concurrent refresh of the same token
			rt.UsedAt = &usedNow
			out, err = s.graceSuccessor(ctx, tx, token, rt)
			reuse = out == nil && err == nil
			if reuse {
				return invalid
			}
			return err
		}
		out, err = s.issueWith(ctx, tx.Client(), rt.Edges.User, rt.Family, s.successorToken(token))
		return err
	})
	if reuse {
		if rt, err := s.client.RefreshToken.Query().Where(refreshtoken.TokenHash(auth.HashToken(token))).Only(sys(ctx)); err == nil {
			_ = s.revokeFamily(ctx, rt.Family)
		}
	}
	if err != nil {
		return nil, err
	}
	out.User = out.User.Unwrap() // loaded in the finished transaction
	return out, nil
}

// successorToken derives the token that replaces a refresh token. It is keyed with the
// signing secret, so only the server can compute it, and deterministic, so a second
// refresh within the grace window can answer the same successor without the server
// ever storing a token in the clear.
func (s *Service) successorToken(token string) string {
	m := hmac.New(sha256.New, s.issuer.Secret)
	m.Write([]byte("refresh-successor\x00" + token))
	return "rt_" + base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// graceSuccessor answers the successor of a token used within the grace window, or nil
// when the window has passed or the successor is no longer live (a reuse).
func (s *Service) graceSuccessor(ctx context.Context, tx *ent.Tx, token string, rt *ent.RefreshToken) (*Session, error) {
	if s.now().Sub(*rt.UsedAt) > s.RefreshGrace {
		return nil, nil
	}
	next := s.successorToken(token)
	succ, err := tx.RefreshToken.Query().Where(refreshtoken.TokenHash(auth.HashToken(next)), refreshtoken.Family(rt.Family)).Only(sys(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if succ.UsedAt != nil || succ.RevokedAt != nil {
		return nil, nil
	}
	access, exp, err := s.issuer.IssueAccess(rt.UserID)
	if err != nil {
		return nil, err
	}
	return &Session{AccessToken: access, RefreshToken: next, ExpiresAt: exp, User: rt.Edges.User}, nil
}

// Logout revokes the chain of a refresh token, or when token is empty every session of
// the signed-in user. Access tokens expire on their own within minutes.
func (s *Service) Logout(ctx context.Context, token string) error {
	v := viewer.FromContext(ctx)
	if token != "" {
		rt, err := s.client.RefreshToken.Query().Where(refreshtoken.TokenHash(auth.HashToken(token))).Only(sys(ctx))
		if ent.IsNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		return s.revokeFamily(ctx, rt.Family)
	}
	if v.Kind != viewer.User {
		return apperr.New(apperr.Unauthenticated, "sign in, or give the refresh token to revoke")
	}
	return s.client.RefreshToken.Update().Where(refreshtoken.UserID(v.UserID), refreshtoken.RevokedAtIsNil()).
		SetRevokedAt(s.now()).Exec(sys(ctx))
}

func (s *Service) revokeFamily(ctx context.Context, family string) error {
	return s.client.RefreshToken.Update().Where(refreshtoken.Family(family), refreshtoken.RevokedAtIsNil()).
		SetRevokedAt(s.now()).Exec(sys(ctx))
}

func (s *Service) issue(ctx context.Context, c *ent.Client, u *ent.User, family string) (*Session, error) {
	refresh, err := auth.NewSecretToken("rt")
	if err != nil {
		return nil, err
	}
	return s.issueWith(ctx, c, u, family, refresh)
}

func (s *Service) issueWith(ctx context.Context, c *ent.Client, u *ent.User, family, refresh string) (*Session, error) {
	access, exp, err := s.issuer.IssueAccess(u.ID)
	if err != nil {
		return nil, err
	}
	err = c.RefreshToken.Create().SetUserID(u.ID).SetTokenHash(auth.HashToken(refresh)).
		SetFamily(family).SetExpiresAt(s.now().Add(RefreshTTL)).Exec(sys(ctx))
	if err != nil {
		return nil, err
	}
	return &Session{AccessToken: access, RefreshToken: refresh, ExpiresAt: exp, User: u}, nil
}

func withTx(ctx context.Context, c *ent.Client, fn func(*ent.Tx) error) error {
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
