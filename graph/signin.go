package graph

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/reqid"
)

// guardSignIn runs signIn, a check of credentials a client could guess (a password, a
// refresh token), unless the request's client address has failed too often: then the
// answer is RATE_LIMITED, before any lookup. A sign-in refused for bad credentials
// counts as one failure of the address, in the same count as bad tokens and keys (see
// server's authenticate), so guessing costs the guesser, and a document of many sign-ins
// stops checking once the address is out of failures.
func guardSignIn[T any](ctx context.Context, failures *ratelimit.Failures, signIn func() (T, error)) (T, error) {
	client := reqid.Client(ctx)
	if wait, blocked := failures.Blocked(ctx, client); blocked {
		var none T
		e := apperr.New(apperr.RateLimited, "too many failed sign-ins from this address")
		e.Details = map[string]any{"retryAfter": ratelimit.RetryAfterSeconds(wait)}
		return none, e
	}
	out, err := signIn()
	if apperr.CodeOf(err) == apperr.Unauthenticated {
		failures.Fail(ctx, client)
	}
	return out, err
}
