package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/reqid"
)

// guardSignIn runs signIn, a check of credentials a client could guess (a password, a
// refresh token), unless the request's client address has failed too often: then the
// answer is RATE_LIMITED, before any lookup. A sign-in refused for bad credentials
// counts as one failure of the address, in the same count as bad tokens and keys (see
// server's authenticate), so guessing costs the guesser, and a document of many sign-ins
// stops checking once the address is out of failures.
//
// account, when the sign-in names one (nil for a refresh token), is the key of the
// account signed into (accountKey): it has a count of its own, from every address, so
// one password guessed from many addresses is held too. Blocked, it is refused the same
// way and counts nothing more, so the count drains at its rate and the owner gets back in.
// Meanwhile the owner is not locked out where it signed in before: an address the
// account signed in from (KnownSignIns, for KnownSignInTTL) passes the account's block,
// though not its own count.
func guardSignIn[T any](ctx context.Context, r *Resolver, account func() (string, error), signIn func() (T, error)) (T, error) {
	var none T
	client := reqid.Client(ctx)
	if err := refuseBlocked(ctx, r.SignInFailures, client, "too many failed sign-ins from this address"); err != nil {
		return none, err
	}
	var key string
	if account != nil {
		var err error
		if key, err = account(); err != nil {
			return none, err
		}
	}
	known := knownKey(key, client)
	if err := refuseBlocked(ctx, r.AccountFailures, key, "too many failed sign-ins to this account"); err != nil &&
		!r.KnownSignIns.Has(ctx, known) {
		return none, err
	}
	out, err := signIn()
	if err == nil {
		r.KnownSignIns.Remember(ctx, known)
	}
	if apperr.CodeOf(err) == apperr.Unauthenticated {
		r.SignInFailures.Fail(ctx, client)
		r.AccountFailures.Fail(ctx, key)
	}
	return out, err
}

// refuseBlocked is RATE_LIMITED, with when to try again, if key is out of failures.
func refuseBlocked(ctx context.Context, failures *ratelimit.Failures, key, message string) error {
	wait, blocked := failures.Blocked(ctx, key)
	if !blocked {
		return nil
	}
	e := apperr.New(apperr.RateLimited, "%s", message)
	e.Details = map[string]any{"retryAfter": ratelimit.RetryAfterSeconds(wait)}
	return e
}

// accountKey names an account as identity looks it up: its realm (0 for platform
// accounts, a tenant's id for that tenant's customers, so two tenants' customers of one
// e-mail are two accounts) and its e-mail, normalised as identity looks it up. The e-mail is
// kept as a digest, so it is not written to Redis. An e-mail with no account counts
// alike: being blocked tells nothing of which accounts exist.
func accountKey(realm int, email string) string {
	return strconv.Itoa(realm) + ":" + digest(identity.NormalizeEmail(email))
}

// KnownSignInTTL is how long an address an account signed in from passes its block.
const KnownSignInTTL = 30 * 24 * time.Hour

// knownKey names an account's address (a digest, so neither the account nor the address
// is written to Redis as such); "" without an account or an address.
func knownKey(account, client string) string {
	if account == "" || client == "" {
		return ""
	}
	return digest(account + "|" + client)
}

// digest is the first 128 bits of s's SHA-256, in hex: enough to keep keys apart.
func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}
