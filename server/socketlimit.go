package server

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/sqldeadline"
	"github.com/dakkah/cityos/viewer"
)

// socketOperations holds what a WebSocket runs to the rules of an HTTP request: the
// upgrade is one request, and the operations the socket carries after it must not escape
// them. Each operation (a query, a mutation, a subscription's start) is charged to its
// caller's rate limit; over it the operation is refused RATE_LIMITED, with retryAfter,
// and the socket stays open. A query or mutation gets the request deadline
// (CITYOS_REQUEST_TIMEOUT) for its statements; a subscription lives as long as its
// socket, each of its statements held by the statement timeout.
type socketOperations struct {
	limits  *ratelimit.Limiter
	limitOf callerLimit
	timeout time.Duration
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
	graphql.OperationInterceptor
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

func (s socketOperations) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if _, ok := ctx.Value(socketKey{}).(*socketState); !ok || s.timeout <= 0 {
		return next(ctx)
	}
	if oc := graphql.GetOperationContext(ctx); oc.Operation != nil && oc.Operation.Operation != ast.Subscription {
		ctx = sqldeadline.WithRequestDeadline(ctx, time.Now().Add(s.timeout))
	}
	return next(ctx)
}
