package server

import (
	"context"
	"errors"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/viewer"
)

// forbiddenOrUnauthenticated is the one rule for a refusal: a caller who has not signed
// in (anonymous, or holding only a storefront's publishable key) is told to sign in,
// UNAUTHENTICATED; a signed-in user or a secret key lacks the right, FORBIDDEN. The
// policies say no; this says which no the client can act on.
func forbiddenOrUnauthenticated(ctx context.Context, msg string) (apperr.Code, string) {
	if signedIn(viewer.FromContext(ctx)) {
		return apperr.Forbidden, msg
	}
	return apperr.Unauthenticated, "sign in: " + strings.TrimPrefix(msg, "forbidden: ")
}

func signedIn(v *viewer.Viewer) bool {
	return v != nil && (v.Kind == viewer.User || v.Kind == viewer.SecretKey || v.Kind == viewer.System)
}

// deniedWrite recognises a policy's "name the store" (a reader of the catalog outside a
// store) met by a mutation, which reads the row it is about to change: naming a store
// would not help, the caller may not make the change.
func deniedWrite(ctx context.Context, err error) bool {
	if !errors.Is(err, privacy.Deny) || !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx).Operation
	return op != nil && op.Operation == ast.Mutation
}
