// Package apperr defines the error codes clients see in extensions.code. Capability
// packages return these; the GraphQL layer turns them into responses and hides
// everything else behind INTERNAL.
package apperr

import (
	"errors"
	"fmt"
)

// Code is a stable, client-facing error code.
type Code string

const (
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	NotFound        Code = "NOT_FOUND"
	BadUserInput    Code = "BAD_USER_INPUT"
	Conflict        Code = "CONFLICT"
	RateLimited     Code = "RATE_LIMITED"
	Internal        Code = "INTERNAL"
	// StoreClosed: the store is not taking orders (inactive, in maintenance, or its
	// tenant suspended or inactive); its carts can neither change nor complete.
	StoreClosed Code = "STORE_CLOSED"
	// CartChanged: the cart's lines no longer matched the catalog (a price changed, an
	// item is no longer sold) and were brought up to date; Details["lines"] says how.
	CartChanged Code = "CART_CHANGED"
	// AwaitingApproval: the checkout needs a company admin's approval; no order was placed.
	// Details["approvalRequestId"] names the request that holds the cart meanwhile.
	AwaitingApproval Code = "AWAITING_APPROVAL"
	// PlanLimit: the tenant's plan allows no more of something (a store, a product, a
	// staff seat, an integration endpoint); Details["limit"] names it and
	// Details["plan"] the plan. A refused downgrade also lists, in Details["over"], what
	// must go first.
	PlanLimit Code = "PLAN_LIMIT"
)

// Error is an error safe to show to a client.
type Error struct {
	Code    Code
	Message string
	// Field names the input field at fault, for BAD_USER_INPUT.
	Field string
	// Details are further extensions the client acts on (CART_CHANGED's lines). They
	// never replace code, field or requestId.
	Details map[string]any
}

func (e *Error) Error() string { return e.Message }

// New returns an error with code and message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid reports bad input in the named field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: BadUserInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

// As returns the *Error inside err, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// CodeOf returns the code of err, INTERNAL when err carries none.
func CodeOf(err error) Code {
	if e, ok := As(err); ok {
		return e.Code
	}
	return Internal
}
