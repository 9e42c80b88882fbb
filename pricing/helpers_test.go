package pricing_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// The shared test helpers (package testenv), under the names this package's tests use.
var (
	id           = testenv.ID
	atoi         = testenv.Atoi
	requireError = testenv.RequireError
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "pricing-test") }

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
