package pricing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// A variant's price list is staff data of its own tenant: staff browsing another tenant's
// storefront, or naming its variant by id, see its storefront price and no price list.
func TestPriceListsStayWithTheirTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewCommerce(t, db)
		hostB1 := "b1." + testenv.Config().PlatformDomain
		const page = `{ products(first: 10, currencyCode: "SAR") { edges { node { handle variants { calculatedPrice { amount } prices { amount } } } } } }`
		prices := func(principal string) []any {
			r := f.API.MustDo(t, f.Shop(principal, hostB1), page, nil)
			var out struct {
				Products struct {
					Edges []struct {
						Node struct {
							Handle   string
							Variants []struct {
								CalculatedPrice *struct{ Amount int }
								Prices          []struct{ Amount int }
							}
						}
					}
				}
			}
			r.Decode(t, &out)
			require.Len(t, out.Products.Edges, 1, "B1 sells the gadget")
			v := out.Products.Edges[0].Node.Variants[0]
			require.NotNil(t, v.CalculatedPrice, "the storefront price is public")
			assert.Equal(t, 10000, v.CalculatedPrice.Amount)
			var list []any
			for _, p := range v.Prices {
				list = append(list, p.Amount)
			}
			return list
		}
		assert.Equal(t, []any{10000}, prices(testenv.TenantAdminB), "B's own admin sees B's price list")
		for _, other := range []string{testenv.TenantAdminA, testenv.ManagerA1, testenv.CustomerA, testenv.Anonymous} {
			assert.Empty(t, prices(other), "%s sees none of B's price list", other)
		}

		// By id, outside any page.
		const byID = `query($id: ID!) { node(id: $id) { ... on ProductVariant { prices { amount } } } }`
		vars := map[string]any{"id": testenv.ID(f.Variants["gadget"].ID)}
		r := f.API.Do(t, f.As(testenv.TenantAdminA), byID, vars)
		assert.NotContains(t, string(r.Data), "10000", "A's admin reads none of B's prices by id: %s", r.Data)
		r = f.API.MustDo(t, f.As(testenv.TenantAdminB), byID, vars)
		assert.Contains(t, string(r.Data), "10000")
	})
}
