package server

import (
	"context"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/apperr"
)

// argumentLimits refuses, before a resolver runs, argument values that no field of ours
// accepts and that would otherwise fail deep down, as INTERNAL: NUL characters
// (PostgreSQL's text and jsonb cannot hold them), strings longer than any field holds, and
// Map values (metadata, option values) that are no plain JSON document: numbers no float
// holds (stored, they could not be read back) or nesting deeper than any document of
// ours. One check over every argument of every field, values of variables included; the
// answer is BAD_USER_INPUT naming the argument.
type argumentLimits struct{ schema *ast.Schema }

const (
	maxArgumentRunes = 20_000 // the longest text a field holds: a product's description
	maxDocumentDepth = 16
	maxDocumentKey   = 200
)

var _ interface {
	graphql.HandlerExtension
	graphql.FieldInterceptor
} = (*argumentLimits)(nil)

func (*argumentLimits) ExtensionName() string { return "ArgumentLimits" }

func (a *argumentLimits) Validate(es graphql.ExecutableSchema) error {
	a.schema = es.Schema()
	return nil
}

func (a *argumentLimits) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil || len(fc.Field.Arguments) == 0 || fc.Field.Definition == nil {
		return next(ctx)
	}
	raw := fc.Field.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
	for _, def := range fc.Field.Definition.Arguments {
		if err := a.check(raw[def.Name], def.Type, def.Name); err != nil {
			return nil, err
		}
	}
	return next(ctx)
}

// check walks a value of typ at path: input objects field by field, lists element by
// element, Maps as JSON documents.
func (a *argumentLimits) check(v any, typ *ast.Type, path string) error {
	switch v := v.(type) {
	case string:
		return checkText(v, path)
	case []any:
		elem := typ
		if typ.Elem != nil {
			elem = typ.Elem
		}
		for i, x := range v {
			if err := a.check(x, elem, path+"."+strconv.Itoa(i)); err != nil {
				return err
			}
		}
	case map[string]any:
		def := a.schema.Types[typ.Name()]
		if def == nil || def.Kind != ast.InputObject {
			return checkMapValue(v, path, 1)
		}
		for k, x := range v {
			if f := def.Fields.ForName(k); f != nil {
				if err := a.check(x, f.Type, path+"."+k); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func checkText(s, path string) error {
	if strings.IndexByte(s, 0) >= 0 {
		return apperr.Invalid(fieldName(path), "%s contains a NUL character", path)
	}
	if len(s) > maxArgumentRunes && utf8.RuneCountInString(s) > maxArgumentRunes {
		return apperr.Invalid(fieldName(path), "%s is longer than %d characters", path, maxArgumentRunes)
	}
	return nil
}

// checkMapValue checks a free-form JSON value (a Map) at depth.
func checkMapValue(v any, path string, depth int) error {
	if depth > maxDocumentDepth {
		return apperr.Invalid(fieldName(path), "%s nests deeper than %d levels", path, maxDocumentDepth)
	}
	switch v := v.(type) {
	case string:
		return checkText(v, path)
	case json.Number:
		if f, err := strconv.ParseFloat(string(v), 64); err != nil || math.IsInf(f, 0) {
			return apperr.Invalid(fieldName(path), "%s holds a number out of range", path)
		}
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return apperr.Invalid(fieldName(path), "%s holds a number out of range", path)
		}
	case []any:
		for _, x := range v {
			if err := checkMapValue(x, path, depth+1); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, x := range v {
			if strings.IndexByte(k, 0) >= 0 || utf8.RuneCountInString(k) > maxDocumentKey {
				return apperr.Invalid(fieldName(path), "%s has a key with a NUL character or longer than %d characters", path, maxDocumentKey)
			}
			if err := checkMapValue(x, path, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// fieldName is what extensions.field says for the value at path, as the services say it:
// the name of the field itself ("regionId" for input.regionId, "ids" for ids.1). The
// message carries the whole path.
func fieldName(path string) string {
	parts := strings.Split(path, ".")
	for i := len(parts) - 1; i > 0; i-- {
		if _, err := strconv.Atoi(parts[i]); err != nil {
			return parts[i]
		}
	}
	return parts[0]
}
