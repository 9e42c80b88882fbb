package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit refuses operations nested deeper than max fields. The complexity limit
// bounds breadth; depth bounds the recursive tenant → stores → tenant → … walks.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	m := depthMeter{byFragment: map[string]int{}}
	if depth := m.depth(oc.Operation.SelectionSet); depth > d.max {
		return gqlerror.Errorf("operation is %d levels deep, more than the limit of %d", depth, d.max)
	}
	return nil
}

// depthMeter measures each fragment once: walking a spread every time it appears is
// exponential in a document whose fragments spread each other.
type depthMeter struct {
	byFragment map[string]int // -1 while being measured (validation refuses cycles)
}

func (m depthMeter) depth(set ast.SelectionSet) int {
	best := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			d = 1 + m.depth(s.SelectionSet)
		case *ast.InlineFragment:
			d = m.depth(s.SelectionSet)
		case *ast.FragmentSpread:
			d = m.fragment(s)
		}
		best = max(best, d)
	}
	return best
}

func (m depthMeter) fragment(s *ast.FragmentSpread) int {
	if d, ok := m.byFragment[s.Name]; ok {
		return max(d, 0)
	}
	if s.Definition == nil {
		return 0
	}
	m.byFragment[s.Name] = -1
	d := m.depth(s.Definition.SelectionSet)
	m.byFragment[s.Name] = d
	return d
}
