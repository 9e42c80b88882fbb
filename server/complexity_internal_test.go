package server

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/graph/generated"
)

// TestEveryListIsPriced fails for any list or connection field of the executable schema
// without a cost rule, the way TestMatrixCoversSchema fails for an operation without a
// row: a new list must be priced on purpose.
func TestEveryListIsPriced(t *testing.T) {
	cfg := generated.Config{}
	schema := generated.NewExecutableSchema(cfg).Schema()
	setComplexity(&cfg.Complexity, schema)
	es := generated.NewExecutableSchema(cfg)

	var unpriced []string
	seen := 0
	for _, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, fd := range def.Fields {
			if !needsPrice(schema, fd) {
				continue
			}
			seen++
			if itemsOf(schema, def.Name, fd) == nil || !hasComplexityFunc(&cfg.Complexity, def.Name, fd.Name) {
				unpriced = append(unpriced, def.Name+"."+fd.Name)
			}
		}
	}
	sort.Strings(unpriced)
	assert.Empty(t, unpriced, "list fields without a cost rule: add them to listItems")
	assert.Greater(t, seen, 20, "the walk found the schema's lists")

	// Every listItems entry names a list that exists.
	for name := range listItems {
		typ, field, _ := strings.Cut(name, ".")
		def := schema.Types[typ]
		require.NotNil(t, def, name)
		fd := def.Fields.ForName(field)
		if assert.NotNil(t, fd, name) {
			assert.True(t, needsPrice(schema, fd) && !isConnection(fd), "%s is not a plain list of objects", name)
		}
	}

	// The rules price what each page holds.
	first := 50
	c, ok := es.Complexity(context.Background(), "Query", "products", 4, map[string]any{"first": first})
	require.True(t, ok)
	assert.Equal(t, 50*5, c)
	c, ok = es.Complexity(context.Background(), "User", "orders", 9, map[string]any{})
	require.True(t, ok)
	assert.Equal(t, 20*10, c, "the default page")
	c, ok = es.Complexity(context.Background(), "Product", "variants", 2, nil)
	require.True(t, ok)
	assert.Equal(t, listItems["Product.variants"]*3, c)
}

func hasComplexityFunc(c *generated.ComplexityRoot, typeName, field string) bool {
	fn := fieldByName(fieldByName(reflectOf(c), typeName), field)
	return fn.IsValid() && !fn.IsNil()
}

func reflectOf(c *generated.ComplexityRoot) reflect.Value { return reflect.ValueOf(c).Elem() }

// needsPrice reports whether a field needs a price of its own: it returns many objects.
func needsPrice(schema *ast.Schema, fd *ast.FieldDefinition) bool {
	named := schema.Types[fd.Type.Name()]
	if named == nil || named.Kind == ast.Scalar || named.Kind == ast.Enum {
		return false
	}
	return fd.Type.Elem != nil || strings.HasSuffix(fd.Type.Name(), "Connection")
}
