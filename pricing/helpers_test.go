package pricing_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// id renders an ent id the way the API takes it.
func id(n int) string { return strconv.Itoa(n) }

// atoi parses an ID the API returned.
func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err, "id %q", s)
	return n
}

func sys() context.Context { return viewer.SystemContext(context.Background(), "pricing-test") }

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

type regionNode struct {
	ID           string
	Name         string
	CurrencyCode string
	Countries    []string
	TaxRateBps   int
	TaxRate      float64
	TaxInclusive bool
}

const regionFields = `id name currencyCode countries taxRateBps taxRate taxInclusive`

type money struct {
	Amount       int64
	CurrencyCode string
}

type variantNode struct {
	ID                string
	Sku               string
	AvailableQuantity int
	CalculatedPrice   *money
}

type productNode struct {
	ID       string
	Handle   string
	Variants []variantNode
}

const productsQ = `query($first: Int, $region: ID, $cur: String) {
  products(first: $first, regionId: $region, currencyCode: $cur) {
    edges { node { id handle variants { id sku availableQuantity calculatedPrice { amount currencyCode } } } }
  }
}`

// grid runs the storefront grid query and returns its products by handle.
func grid(t testing.TB, c *testenv.Commerce, h testenv.Headers, vars map[string]any) map[string]productNode {
	t.Helper()
	if _, ok := vars["first"]; !ok {
		vars["first"] = 50
	}
	var out struct {
		Products struct {
			Edges []struct{ Node productNode }
		}
	}
	c.API.MustDo(t, h, productsQ, vars).Decode(t, &out)
	m := map[string]productNode{}
	for _, e := range out.Products.Edges {
		m[e.Node.Handle] = e.Node
	}
	return m
}
