package server

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/viewer"
)

// Bounds on one `where` argument (ent's WhereInput). Each edge predicate (hasXWith) is an
// EXISTS subquery, nested ones are correlated subqueries inside each other: sixty of
// them hold a PostgreSQL connection for minutes.
const (
	maxFilterEdgeDepth  = 3   // hasXWith inside hasYWith inside hasZWith
	maxFilterEdges      = 8   // edge predicates in one argument
	maxFilterNesting    = 8   // and/or/not inside each other
	maxFilterPredicates = 200 // predicates and list values in one argument
	maxFilterPattern    = 100 // characters of a Contains/HasPrefix/HasSuffix/EqualFold value
	// filterEdgeCost is what one edge predicate adds to the query's complexity.
	filterEdgeCost = 25
)

// patternOperators are the suffixes of predicates whose value is a pattern the database
// matches against every candidate row.
var patternOperators = []string{"ContainsFold", "Contains", "HasPrefix", "HasSuffix", "EqualFold"}

// fieldOperators are the suffixes ent's WhereInput adds to a field's name (none is eq).
var fieldOperators = append([]string{"NEQ", "NotIn", "In", "GTE", "GT", "LTE", "LT", "IsNil", "NotNil"}, patternOperators...)

// filterCheck walks `where` arguments for one viewer, against the schema's input types.
type filterCheck struct {
	schema *ast.Schema
	viewer *viewer.Viewer
}

// filterWalk is the state of one argument's walk.
type filterWalk struct {
	filterCheck
	edges, predicates int
}

// check validates one where argument's value, of the named input type, and returns how
// many edge predicates it holds. path names the argument in errors ("where").
func (c filterCheck) check(inputType string, value any, path string) (int, error) {
	w := &filterWalk{filterCheck: c}
	m, ok := value.(map[string]any)
	if !ok || c.schema.Types[inputType] == nil {
		return 0, nil
	}
	if err := w.object(c.schema.Types[inputType], m, path, 0, 0); err != nil {
		return 0, err
	}
	return w.edges, nil
}

func (w *filterWalk) object(def *ast.Definition, m map[string]any, path string, edgeDepth, nesting int) error {
	if nesting > maxFilterNesting {
		return apperr.Invalid(path, "filters may nest and/or/not %d levels deep at most", maxFilterNesting)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the first error named is the same every time
	for _, k := range keys {
		v := m[k]
		if v == nil {
			continue
		}
		fd := def.Fields.ForName(k)
		if fd == nil {
			continue // validation has refused it already
		}
		at := path + "." + k
		if w.predicates++; w.predicates > maxFilterPredicates {
			return apperr.Invalid(path, "a filter may hold %d predicates at most", maxFilterPredicates)
		}
		var err error
		switch {
		case k == "and" || k == "or":
			err = w.list(def, v, at, edgeDepth, nesting+1)
		case k == "not":
			sub, _ := v.(map[string]any)
			if len(sub) == 0 {
				return apperr.Invalid(at, "not needs at least one predicate")
			}
			err = w.object(def, sub, at, edgeDepth, nesting+1)
		case isEdgePredicate(def, k):
			err = w.edge(def, fd, k, v, at, edgeDepth, nesting)
		default:
			err = w.field(def, k, v, at)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *filterWalk) list(def *ast.Definition, v any, path string, edgeDepth, nesting int) error {
	items, _ := v.([]any)
	for i, it := range items {
		m, _ := it.(map[string]any)
		if err := w.object(def, m, fmt.Sprintf("%s[%d]", path, i), edgeDepth, nesting); err != nil {
			return err
		}
	}
	return nil
}

// edge checks hasX / hasXWith: may the viewer filter across it, and within bounds.
func (w *filterWalk) edge(def *ast.Definition, fd *ast.FieldDefinition, key string, v any, path string, edgeDepth, nesting int) error {
	name := strings.TrimSuffix(key, "With")
	if !access.MayFilter(w.viewer, def.Name, name, true) {
		return filterForbidden(path, key)
	}
	if w.edges++; w.edges > maxFilterEdges {
		return apperr.Invalid(path, "a filter may hold %d edge predicates (has…) at most", maxFilterEdges)
	}
	if edgeDepth+1 > maxFilterEdgeDepth {
		return apperr.Invalid(path, "edge predicates (has…With) may nest %d levels deep at most", maxFilterEdgeDepth)
	}
	if key == name {
		return nil // hasX: true or false
	}
	return w.list(w.schema.Types[fd.Type.Name()], v, path, edgeDepth+1, nesting)
}

// field checks a predicate on a field of the row: may the viewer read the field, and
// is its value of a reasonable size.
func (w *filterWalk) field(def *ast.Definition, key string, v any, path string) error {
	name, op := splitOperator(def, key)
	if !access.MayFilter(w.viewer, def.Name, name, false) {
		return filterForbidden(path, key)
	}
	if items, ok := v.([]any); ok {
		if w.predicates += len(items); w.predicates > maxFilterPredicates {
			return apperr.Invalid(path, "a filter may hold %d predicates and list values at most", maxFilterPredicates)
		}
	}
	if slices.Contains(patternOperators, op) {
		if s, ok := v.(string); ok && utf8.RuneCountInString(s) > maxFilterPattern {
			return apperr.Invalid(path, "%s may be %d characters long at most", key, maxFilterPattern)
		}
	}
	return nil
}

func filterForbidden(path, key string) error {
	return &apperr.Error{Code: apperr.Forbidden, Field: path, Message: fmt.Sprintf("this caller may not filter on %s", key)}
}

// isEdgePredicate recognises ent's hasX (Boolean, with a hasXWith beside it) and hasXWith.
func isEdgePredicate(def *ast.Definition, key string) bool {
	if !strings.HasPrefix(key, "has") {
		return false
	}
	if strings.HasSuffix(key, "With") && def.Fields.ForName(strings.TrimSuffix(key, "With")) != nil {
		return true
	}
	return def.Fields.ForName(key+"With") != nil
}

// splitOperator splits a field predicate into the field and the operator suffix, using
// the input type's own fields: phoneHasPrefix is phone + HasPrefix because phone is a
// predicate of the type too.
func splitOperator(def *ast.Definition, key string) (string, string) {
	for _, op := range fieldOperators {
		if name, ok := strings.CutSuffix(key, op); ok && name != "" && def.Fields.ForName(name) != nil {
			return name, op
		}
	}
	return key, ""
}
