// Package reqid carries a request's id in its context, so that logs, error answers and
// audit rows name the request without depending on the HTTP layer that assigns it.
package reqid

import "context"

type key struct{}

// With returns ctx carrying id.
func With(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, key{}, id)
}

// From returns the request id of ctx, or "" when there is none (a system job).
func From(ctx context.Context) string {
	id, _ := ctx.Value(key{}).(string)
	return id
}
