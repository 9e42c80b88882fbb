package server

import (
	"reflect"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/graph"
	"github.com/dakkah/cityos/graph/generated"
)

// listItems is what each list of objects without paging arguments is priced at: the
// number of items it typically holds (these lists are not paged: a product's variants,
// an order's items), erring high. Every such field is named here;
// TestEveryListIsPriced fails for one that is not, so a new list gets a price on purpose.
var listItems = map[string]int{
	"ApprovalRequest.lines":    20, // a cart's lines, frozen
	"Quote.lines":              20,
	"Cart.items":               20,
	"Category.subcategories":   20,
	"Order.fulfillments":       5,
	"Order.suborders":          10,
	"Suborder.fulfillments":    5,
	"Suborder.items":           20,
	"Order.items":              20,
	"Product.options":          5,
	"Product.salesChannels":    5,
	"Product.variants":         10,
	"ProductCategory.children": 20,
	"ProductVariant.prices":    5,
	// Galleries come with their row (a JSON column): priced as typical, not at the 50 allowed.
	"Product.images":           5,
	"ProductVariant.images":    3,
	"Query.productCategories":  50,
	"Query.productCollections": 50,
	"Query.regions":            20,
	"Query.salesChannels":      20,
	"Query.shippingOptions":    20,
	"Query.stockLocations":     20,
	"Query.countries":          250,
	"Scope.categories":         50,
	"User.addresses":           10,
	"User.memberships":         20,
	"Store.domains":            10,
	"Query.plans":              3,
	// A tenant's invoices: one a month, and a proration per plan change.
	"TenantSubscription.invoices": 50,
	"TenantSubscription.usage":    4,
}

// setComplexity prices every list: a connection at its page size, a plain list at its
// listItems entry (or the number of ids asked for), each times what is asked per item.
// gqlgen's default counts one per field whatever `first` says. The functions are made
// from the schema, so that they take each field's own arguments.
func setComplexity(c *generated.ComplexityRoot, schema *ast.Schema) {
	root := reflect.ValueOf(c).Elem()
	for _, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		typ := fieldByName(root, def.Name)
		if !typ.IsValid() {
			continue
		}
		for _, fd := range def.Fields {
			items := itemsOf(schema, def.Name, fd)
			if items == nil {
				continue
			}
			fn := fieldByName(typ, fd.Name)
			if !fn.IsValid() || fn.Kind() != reflect.Func {
				continue
			}
			fn.Set(reflect.MakeFunc(fn.Type(), func(in []reflect.Value) []reflect.Value {
				child := int(in[0].Int())
				args := map[string]reflect.Value{}
				for i, a := range fd.Arguments {
					if i+1 < len(in) {
						args[a.Name] = in[i+1]
					}
				}
				return []reflect.Value{reflect.ValueOf(saturatingMul(items(args), child+1))}
			}))
		}
	}
}

// itemsOf returns how to count the items of a list or connection field, or nil for a
// field that is neither (or a list of scalars, priced as one field).
func itemsOf(schema *ast.Schema, typeName string, fd *ast.FieldDefinition) func(map[string]reflect.Value) int {
	named := schema.Types[fd.Type.Name()]
	if named == nil || named.Kind == ast.Scalar || named.Kind == ast.Enum {
		return nil
	}
	if isConnection(fd) {
		return func(args map[string]reflect.Value) int {
			return graph.PageSize(intArg(args["first"]), intArg(args["last"]))
		}
	}
	if fd.Type.Elem == nil {
		return nil
	}
	if strings.HasSuffix(typeName, "Connection") && fd.Name == "edges" {
		return func(map[string]reflect.Value) int { return 1 } // the connection counts the page
	}
	if fd.Arguments.ForName("ids") != nil {
		return func(args map[string]reflect.Value) int {
			if v, ok := args["ids"]; ok && v.Kind() == reflect.Slice {
				return v.Len()
			}
			return 1
		}
	}
	n, ok := listItems[typeName+"."+fd.Name]
	if !ok {
		return nil
	}
	return func(map[string]reflect.Value) int { return n }
}

// isConnection: a Relay connection, paged by first/last.
func isConnection(fd *ast.FieldDefinition) bool {
	return strings.HasSuffix(fd.Type.Name(), "Connection") &&
		fd.Arguments.ForName("first") != nil && fd.Arguments.ForName("last") != nil
}

func intArg(v reflect.Value) *int {
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	n, ok := v.Interface().(*int)
	if !ok {
		return nil
	}
	return n
}

// fieldByName finds gqlgen's Go name for a schema name (apiKeys → APIKeys, id → ID):
// the same letters, cases aside.
func fieldByName(v reflect.Value, name string) reflect.Value {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	t := v.Type()
	for i := range t.NumField() {
		if strings.EqualFold(t.Field(i).Name, strings.ReplaceAll(name, "_", "")) {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}

func saturatingMul(a, b int) int {
	if a <= 0 || b <= 0 {
		return 0
	}
	if a > maxCost/b {
		return maxCost
	}
	return a * b
}
