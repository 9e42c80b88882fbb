package outbox

import "context"

type originKey struct{}

// WithOrigin marks ctx as applying an inbound webhook of endpoint id: the events its
// changes raise carry the origin, and are never delivered back to that endpoint.
func WithOrigin(ctx context.Context, endpointID int) context.Context {
	return context.WithValue(ctx, originKey{}, endpointID)
}

// OriginFrom is the endpoint ctx applies an inbound webhook of, if any.
func OriginFrom(ctx context.Context) (int, bool) {
	id, ok := ctx.Value(originKey{}).(int)
	return id, ok
}
