package catalog_test

import (
	"context"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// The shared test helpers (package testenv), under the names this package's tests use.
var (
	id           = testenv.ID
	atoi         = testenv.Atoi
	requireError = testenv.RequireError
)

func ids(ns ...int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = id(n)
	}
	return out
}

func sys() context.Context { return viewer.SystemContext(context.Background(), "catalog-test") }

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
