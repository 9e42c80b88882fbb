package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/viewer"
)

// socketOperations charges every operation a WebSocket runs (a query, a mutation, a
// subscription's start) to its caller's rate limit, as each HTTP request is charged: the
// upgrade is one request, and the operations the socket carries after it must not
// escape the limit. Over it the operation is refused RATE_LIMITED, with retryAfter; the
// socket stays open.
type socketOperations struct {
	limits  *ratelimit.Limiter
	limitOf callerLimit
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = socketOperations{}

func (socketOperations) ExtensionName() string                   { return "SocketOperationLimit" }
func (socketOperations) Validate(graphql.ExecutableSchema) error { return nil }

func (s socketOperations) MutateOperationContext(ctx context.Context, _ *graphql.OperationContext) *gqlerror.Error {
	st, ok := ctx.Value(socketKey{}).(*socketState)
	if !ok || s.limits == nil {
		return nil // an HTTP request: its middleware charged it
	}
	key, limit := s.limitOf(ctx, viewer.FromContext(ctx), st.ip)
	res := s.limits.Allow(key, limit)
	if res.Allowed {
		return nil
	}
	secs := ratelimit.RetryAfterSeconds(res.RetryAfter)
	e := apperr.New(apperr.RateLimited, "rate limit exceeded")
	e.Details = map[string]any{"retryAfter": secs}
	return &gqlerror.Error{Err: e, Message: e.Message, Extensions: map[string]any{"code": string(apperr.RateLimited), "retryAfter": secs}}
}
