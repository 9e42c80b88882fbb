package server

import (
	"context"
	"errors"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/server/middleware"
)

// presentError gives every error a code from the design's list and the request id, and
// hides anything unexpected (SQL, stack traces, driver text) behind INTERNAL.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	code, msg := classify(err)
	if code == "" { // an error of GraphQL itself: parse or validation failure
		code, msg = apperr.BadUserInput, gerr.Message
	}
	if code == apperr.Internal {
		logInternal(ctx, err, gerr.Path.String())
	}
	gerr.Message = msg
	if gerr.Extensions == nil {
		gerr.Extensions = map[string]any{}
	}
	gerr.Extensions["code"] = string(code)
	if id := middleware.RequestID(ctx); id != "" {
		gerr.Extensions["requestId"] = id
	}
	if e, ok := apperr.As(err); ok {
		for k, v := range e.Details {
			if _, taken := gerr.Extensions[k]; !taken {
				gerr.Extensions[k] = v
			}
		}
		if e.Field != "" {
			gerr.Extensions["field"] = e.Field
		}
	}
	return gerr
}

// logInternal logs an internal error as one, unless the request had been cancelled: a
// client that disconnects or gives up cancels its request's context, and whatever was
// running fails with it (a query, a rollback, a transaction already rolled back). That is
// the client's doing, logged at Info so that errors stay worth a look.
func logInternal(ctx context.Context, err error, path string) {
	log := middleware.Logger(ctx)
	if errors.Is(ctx.Err(), context.Canceled) {
		log.Info("request cancelled by the client", "err", err.Error(), "path", path)
		return
	}
	log.Error("internal error", "err", err.Error(), "path", path)
}

func classify(err error) (apperr.Code, string) {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Unwrap() == nil {
		// entgql answers a node it cannot load with a GraphQL error already coded NOT_FOUND.
		if code, _ := gqlErr.Extensions["code"].(string); code == string(apperr.NotFound) {
			return apperr.NotFound, "not found"
		}
		return "", ""
	}
	if e, ok := apperr.As(err); ok {
		return e.Code, e.Message
	}
	var (
		notFound   *ent.NotFoundError
		validation *ent.ValidationError
		constraint *ent.ConstraintError
	)
	switch {
	case errors.As(err, &notFound):
		return apperr.NotFound, "not found"
	case errors.Is(err, privacy.Deny):
		return apperr.Forbidden, "forbidden: " + denyReason(err)
	case errors.As(err, &validation):
		return apperr.BadUserInput, strings.TrimPrefix(validation.Error(), "ent: ")
	case errors.As(err, &constraint):
		return apperr.Conflict, "conflicts with an existing record"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return apperr.Internal, "the request was cancelled or timed out"
	case introspectionDisabled(err):
		return apperr.BadUserInput, "introspection is disabled"
	}
	return apperr.Internal, "internal error"
}

// introspectionDisabled recognises gqlgen's refusal of __schema and __type when
// introspection is off (production). It is a plain error, known only by its text; without
// this it would pass for an internal failure of ours.
func introspectionDisabled(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		if err.Error() == "introspection disabled" {
			return true
		}
	}
	return false
}

// denyReason keeps the policy's own sentence, which names no data.
func denyReason(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "deny rule: "); i >= 0 {
		return msg[i+len("deny rule: "):]
	}
	if i := strings.LastIndex(msg, "deny rule"); i >= 0 {
		return "not allowed"
	}
	return "not allowed"
}
