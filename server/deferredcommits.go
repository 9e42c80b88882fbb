package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/asynccommit"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/server/middleware"
)

// deferredCommits lets a document of several mutations commit each without waiting for
// the disk, and flushes them all once before the answer (see package asynccommit): a
// storefront's add-line, address and shipping method cost one flush, not three. A
// single mutation commits as always, which is as fast and needs no flush of its own.
type deferredCommits struct {
	client *ent.Client
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = deferredCommits{}

func (deferredCommits) ExtensionName() string                   { return "DeferredCommits" }
func (deferredCommits) Validate(graphql.ExecutableSchema) error { return nil }

func (d deferredCommits) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	op := graphql.GetOperationContext(ctx).Operation
	if op == nil || op.Operation != ast.Mutation || len(op.SelectionSet) < 2 {
		return next(ctx)
	}
	ctx = asynccommit.Defer(ctx)
	resp := next(ctx)
	err := asynccommit.Settle(ctx, func(ctx context.Context) error {
		_, err := d.client.ExecContext(ctx, asynccommit.FlushSQL)
		return err
	})
	if err == nil {
		return resp
	}
	// The changes are made but perhaps not on disk: the answer must not claim them.
	middleware.Logger(ctx).Error("flush a document's commits", "err", err)
	e := apperr.New(apperr.Internal, "the changes could not be confirmed saved; read them back before retrying")
	return &graphql.Response{Errors: gqlerror.List{{Err: e, Message: e.Message,
		Extensions: map[string]any{"code": string(apperr.Internal)}}}}
}
