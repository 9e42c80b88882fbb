package server

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/viewer"
)

const maxCost = int(^uint(0) >> 2) // saturation point of cost arithmetic

// queryCost prices an operation with the schema's complexity functions (setComplexity)
// plus its filters' edge predicates, checks every `where` argument (filters.go), and
// refuses operations over max. It replaces gqlgen's FixedComplexityLimit, whose walk
// re-enters a fragment at each spread: exponential in a document whose fragments spread
// each other. Here each fragment is priced once.
type queryCost struct {
	max int
	es  graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &queryCost{}

func (*queryCost) ExtensionName() string { return "QueryCost" }

func (q *queryCost) Validate(es graphql.ExecutableSchema) error {
	q.es = es
	return nil
}

func (q *queryCost) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	w := costWalker{
		ctx: ctx, es: q.es, schema: q.es.Schema(), vars: oc.Variables,
		filters:    filterCheck{schema: q.es.Schema(), viewer: viewer.FromContext(ctx)},
		byFragment: map[string]int{},
	}
	cost, err := w.selections(oc.Operation.SelectionSet)
	if err != nil {
		return gqlerror.Wrap(err)
	}
	if cost > q.max {
		return gqlerror.Errorf("operation has complexity %d, more than the limit of %d", cost, q.max)
	}
	return nil
}

type costWalker struct {
	ctx        context.Context
	es         graphql.ExecutableSchema
	schema     *ast.Schema
	vars       map[string]any
	filters    filterCheck
	byFragment map[string]int
}

func (w *costWalker) selections(set ast.SelectionSet) (int, error) {
	total := 0
	for _, sel := range set {
		var c int
		var err error
		switch s := sel.(type) {
		case *ast.Field:
			c, err = w.field(s)
		case *ast.InlineFragment:
			c, err = w.selections(s.SelectionSet)
		case *ast.FragmentSpread:
			c, err = w.fragment(s)
		}
		if err != nil {
			return 0, err
		}
		total = saturatingAdd(total, c)
	}
	return total, nil
}

func (w *costWalker) fragment(s *ast.FragmentSpread) (int, error) {
	if c, ok := w.byFragment[s.Name]; ok {
		return c, nil
	}
	if s.Definition == nil {
		return 0, nil
	}
	if err := w.ctx.Err(); err != nil {
		return 0, apperr.New(apperr.BadUserInput, "the request was cancelled")
	}
	w.byFragment[s.Name] = 0 // validation refuses cycles; stay finite anyway
	c, err := w.selections(s.Definition.SelectionSet)
	if err != nil {
		return 0, err
	}
	w.byFragment[s.Name] = c
	return c, nil
}

func (w *costWalker) field(s *ast.Field) (int, error) {
	if s.Definition == nil || s.ObjectDefinition == nil {
		return 0, nil
	}
	def := w.schema.Types[s.Definition.Type.Name()]
	if def == nil || def.Name == "__Schema" || def.Name == "__Type" {
		return 0, nil
	}
	child := 0
	if def.Kind == ast.Object || def.Kind == ast.Interface || def.Kind == ast.Union {
		var err error
		if child, err = w.selections(s.SelectionSet); err != nil {
			return 0, err
		}
	}
	filterCost, err := w.filterCost(s)
	if err != nil {
		return 0, err
	}
	args := s.ArgumentMap(w.vars)
	var cost int
	if s.ObjectDefinition.Kind == ast.Interface || s.ObjectDefinition.Kind == ast.Union {
		// Interfaces price nothing of their own: the dearest implementation counts.
		for _, t := range w.schema.GetPossibleTypes(s.ObjectDefinition) {
			cost = max(cost, w.fieldCost(t.Name, s.Name, child, args))
		}
	} else {
		cost = w.fieldCost(s.ObjectDefinition.Name, s.Name, child, args)
	}
	return saturatingAdd(cost, filterCost), nil
}

func (w *costWalker) fieldCost(typeName, field string, child int, args map[string]any) int {
	if c, ok := w.es.Complexity(w.ctx, typeName, field, child, args); ok {
		return max(c, 1)
	}
	return saturatingAdd(1, child)
}

// filterCost checks the field's `where` arguments and prices their edge predicates.
func (w *costWalker) filterCost(s *ast.Field) (int, error) {
	cost := 0
	for _, a := range s.Arguments {
		ad := s.Definition.Arguments.ForName(a.Name)
		if ad == nil || !strings.HasSuffix(ad.Type.Name(), "WhereInput") {
			continue
		}
		value, err := a.Value.Value(w.vars)
		if err != nil {
			return 0, nil // validation has reported it
		}
		edges, err := w.filters.check(ad.Type.Name(), value, a.Name)
		if err != nil {
			return 0, err
		}
		cost = saturatingAdd(cost, saturatingMul(edges, filterEdgeCost))
	}
	return cost, nil
}

func saturatingAdd(a, b int) int {
	if a < 0 {
		a = 0
	}
	if b < 0 {
		b = 0
	}
	if a > maxCost-b {
		return maxCost
	}
	return a + b
}
