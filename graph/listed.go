package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// listed finds the list the object whose field is being resolved in ctx was listed in
// (a connection's edges, or a list field), so that a field needing a statement per
// object can load it for the whole list at once, the first time one of them asks.
// gqlgen keeps each field's result on its context while its selections resolve, and
// every element of a list on a context of its own (with its index): the nearest element
// up from the field is the object's, and that element's parent is the list. nodes turns
// the list's result into its objects (false when it is a list of something else). The
// list's context identifies it for the request's cache; nil when the object is not in a
// list of that kind, or not in the list found (then the caller loads it alone).
func listed[T any](ctx context.Context, obj T, id func(T) int, nodes func(any) ([]T, bool)) (*graphql.FieldContext, []T) {
	fc := graphql.GetFieldContext(ctx)
	for fc != nil && fc.Index == nil {
		fc = fc.Parent
	}
	if fc == nil || fc.Parent == nil {
		return nil, nil
	}
	list, ok := nodes(fc.Parent.Result)
	if !ok {
		return nil, nil
	}
	for _, o := range list {
		if id(o) == id(obj) {
			return fc.Parent, list
		}
	}
	return nil, nil
}
