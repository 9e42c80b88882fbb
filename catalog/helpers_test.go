package catalog_test

import (
	"context"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// id renders an ent id the way the API takes it.
func id(n int) string { return strconv.Itoa(n) }

func ids(ns ...int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = id(n)
	}
	return out
}

// atoi parses an ID the API returned.
func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err, "id %q", s)
	return n
}

func sys() context.Context { return viewer.SystemContext(context.Background(), "catalog-test") }

// requireError asserts the response failed with code and, when field is not empty,
// extensions.field.
func requireError(t testing.TB, r *testenv.Response, code, field string) {
	t.Helper()
	require.NotEmpty(t, r.Errors, "expected %s, got data %s", code, r.Data)
	require.Equal(t, code, r.Code(), "errors: %+v", r.Errors)
	if field != "" {
		require.Equal(t, field, r.Errors[0].Extensions["field"], "errors: %+v", r.Errors)
	}
}

const productsQ = `query($first: Int, $storeId: ID, $search: String, $tag: String, $min: Int, $max: Int, $region: ID, $cur: String, $where: ProductWhereInput, $order: ProductOrder) {
  products(first: $first, storeId: $storeId, search: $search, tag: $tag, priceMin: $min, priceMax: $max, regionId: $region, currencyCode: $cur, where: $where, orderBy: $order) {
    totalCount
    edges { node { id handle title status tags variants { sku optionValues } } }
  }
}`

type productNode struct {
	ID, Handle, Title, Status string
	Tags                      []string
	Variants                  []struct {
		Sku          string
		OptionValues map[string]any
	}
}

type productPage struct {
	Products struct {
		TotalCount int
		Edges      []struct{ Node productNode }
	}
}

// products runs the products query and returns the nodes.
func products(t testing.TB, api *testenv.API, h testenv.Headers, vars map[string]any) []productNode {
	t.Helper()
	var p productPage
	api.MustDo(t, h, productsQ, vars).Decode(t, &p)
	out := make([]productNode, 0, len(p.Products.Edges))
	for _, e := range p.Products.Edges {
		out = append(out, e.Node)
	}
	require.Equal(t, len(out), p.Products.TotalCount, "one page holds them all")
	return out
}

// handles runs the products query and returns the handles found, sorted.
func handles(t testing.TB, api *testenv.API, h testenv.Headers, vars map[string]any) []string {
	t.Helper()
	out := []string{}
	for _, n := range products(t, api, h, vars) {
		out = append(out, n.Handle)
	}
	sort.Strings(out)
	return out
}

const byHandleQ = `query($h: String!, $storeId: ID, $region: ID, $cur: String) {
  productByHandle(handle: $h, storeId: $storeId, regionId: $region, currencyCode: $cur) { id handle variants { sku } }
}`

// byHandle runs productByHandle and returns the handle found, or "" for null.
func byHandle(t testing.TB, api *testenv.API, h testenv.Headers, handle string, vars map[string]any) string {
	t.Helper()
	if vars == nil {
		vars = map[string]any{}
	}
	vars["h"] = handle
	var out struct {
		ProductByHandle *struct {
			Handle   string
			Variants []struct{ Sku string }
		}
	}
	api.MustDo(t, h, byHandleQ, vars).Decode(t, &out)
	if out.ProductByHandle == nil {
		return ""
	}
	require.NotEmpty(t, out.ProductByHandle.Variants, "variants load with the product")
	return out.ProductByHandle.Handle
}

const (
	assignQ = `mutation($ch: ID!, $ps: [ID!]!) { assignProductsToSalesChannel(salesChannelId: $ch, productIds: $ps) { id storeID } }`
	removeQ = `mutation($ch: ID!, $ps: [ID!]!) { removeProductsFromSalesChannel(salesChannelId: $ch, productIds: $ps) { id storeID } }`
)
