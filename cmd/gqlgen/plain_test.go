package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// resolved is gqlgen's function for a field read from obj.<goField>, as it generates it.
func resolved(fn, goField, marshal, valueType string) string {
	return `func (ec *executionContext) ` + fn + `(ctx context.Context, field graphql.CollectedField, obj *ent.ProductVariant) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext` + fn + `(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.` + goField + `, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v ` + valueType + `) graphql.Marshaler {
			return ec.` + marshal + `(ctx, selections, v)
		},
		true,
		true,
	)
}
`
}

func TestPlainFieldsMarshalTheirStructField(t *testing.T) {
	sku := resolved("_ProductVariant_sku", "Sku", "marshalNString2string", "string")
	created := resolved("_ProductVariant_createdAt", "CreatedAt", "marshalNTime2timeᚐTime", "time.Time")
	// A field gqlgen resolves from obj but the plugin did not find plain (an argument, a
	// directive, an object): left as generated.
	edges := resolved("_ProductVariant_edges", "Edges", "marshalOEdge2ᚕᚖEdge", "[]*ent.Edge")
	// The same shape with a middleware (a directive): not the shape, left as generated.
	guarded := strings.Replace(resolved("_ProductVariant_title", "Title", "marshalNString2string", "string"),
		"\t\tnil,\n", "\t\tfunc(ctx context.Context, next graphql.Resolver) graphql.Resolver { return next },\n", 1)
	src := "package generated\n\n" + sku + created + edges + guarded

	out, n := marshalPlain([]byte(src), plainFields{
		"_ProductVariant_sku": true, "_ProductVariant_createdAt": true, "_ProductVariant_title": true,
	})

	require.Equal(t, 2, n)
	require.Contains(t, string(out), `func (ec *executionContext) _ProductVariant_sku(ctx context.Context, field graphql.CollectedField, obj *ent.ProductVariant) (ret graphql.Marshaler) {
	return ec.marshalNString2string(ctx, field.Selections, obj.Sku)
}
`)
	require.Contains(t, string(out), "\treturn ec.marshalNTime2timeᚐTime(ctx, field.Selections, obj.CreatedAt)\n}\n")
	require.Contains(t, string(out), edges)
	require.Contains(t, string(out), guarded)
	require.Equal(t, 2, strings.Count(string(out), "graphql.ResolveField("))
}
