package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// subscriptionsOverSockets refuses a subscription sent as an HTTP request: over POST or
// GET it would hold the request open until the first event and then end.
type subscriptionsOverSockets struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = subscriptionsOverSockets{}

func (subscriptionsOverSockets) ExtensionName() string                   { return "SubscriptionsOverSockets" }
func (subscriptionsOverSockets) Validate(graphql.ExecutableSchema) error { return nil }
func (subscriptionsOverSockets) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || oc.Operation.Operation != ast.Subscription {
		return nil
	}
	if _, ok := ctx.Value(socketKey{}).(*socketState); ok {
		return nil
	}
	return gqlerror.Errorf("subscriptions are served over WebSocket (graphql-transport-ws) at /graphql")
}
