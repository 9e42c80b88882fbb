package main

import (
	"fmt"
	"strings"
)

// splitQuery is the marketplace store's grid with each product's vendor.
const splitQuery = `query Grid($region: ID) {
  products(first: 40, regionId: $region) {
    edges { node { handle vendor { id } variants { id } } }
  }
}`

// gridProduct is a product of a grid page, as the scenarios read it.
type gridProduct struct {
	Handle   string
	Vendor   *struct{ ID string }
	Variants []struct{ ID string }
}

// vendorPairs are carts of two products of two different vendors: the split checkout's
// work (one order, two vendor orders).
func vendorPairs(products []gridProduct) ([][]string, error) {
	byVendor := map[string][]string{}
	var vendors []string
	for _, n := range products {
		if n.Vendor == nil || len(n.Variants) == 0 {
			continue
		}
		if _, ok := byVendor[n.Vendor.ID]; !ok {
			vendors = append(vendors, n.Vendor.ID)
		}
		byVendor[n.Vendor.ID] = append(byVendor[n.Vendor.ID], n.Variants[0].ID)
	}
	if len(vendors) < 2 {
		return nil, fmt.Errorf("the split scenario needs products of two vendors (is -host the marketplace store, %s.localhost?)", storeSouq)
	}
	var pairs [][]string
	for k, v := range vendors {
		w := vendors[(k+1)%len(vendors)]
		for i, a := range byVendor[v] {
			pairs = append(pairs, []string{a, byVendor[w][i%len(byVendor[w])]})
		}
	}
	return pairs, nil
}

// fillQuery adds n items (one unit each), the address and the shipping method in one
// document.
func fillQuery(n int) string {
	var b strings.Builder
	b.WriteString("mutation($c: ID!, $a: AddressInput!, $o: ID!")
	for i := range n {
		fmt.Fprintf(&b, ", $v%d: ID!", i)
	}
	b.WriteString(") {\n")
	for i := range n {
		fmt.Fprintf(&b, "  i%d: addLineItem(cartId: $c, variantId: $v%d, quantity: 1) { id }\n", i, i)
	}
	b.WriteString("  setShippingAddress(cartId: $c, input: $a) { id }\n  setShippingMethod(cartId: $c, shippingOptionId: $o) { total }\n}")
	return b.String()
}

func fillVars(cart, option string, variants []string) map[string]any {
	v := map[string]any{"c": cart, "a": benchAddress, "o": option}
	for i, id := range variants {
		v[fmt.Sprintf("v%d", i)] = id
	}
	return v
}
