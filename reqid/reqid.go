// Package reqid carries a request's id and its client's address in its context, so that
// logs, error answers, audit rows and per-client limits name them without depending on
// the HTTP layer that finds them.
package reqid

import "context"

type key struct{}

type clientKey struct{}

// With returns ctx carrying id.
func With(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, key{}, id)
}

// From returns the request id of ctx, or "" when there is none (a system job).
func From(ctx context.Context) string {
	id, _ := ctx.Value(key{}).(string)
	return id
}

// WithClient returns ctx carrying the address of the client that sent the request.
func WithClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey{}, addr)
}

// Client returns the client address of ctx, or "" when there is none (a system job).
func Client(ctx context.Context) string {
	addr, _ := ctx.Value(clientKey{}).(string)
	return addr
}
