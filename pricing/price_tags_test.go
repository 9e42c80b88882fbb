package pricing_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// A page whose prices are asked for their tags reads those alone; one that asks for more
// of a price gets all of it.
func TestPagePricesReadWhatIsAsked(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		admin := c.As(testenv.TenantAdminA)
		type priced struct {
			Products struct {
				Edges []struct {
					Node struct {
						Variants []struct {
							Prices []struct {
								Amount       int
								CurrencyCode string
								CreatedAt    *time.Time
							}
						}
					}
				}
			}
		}
		read := func(fields string) priced {
			t.Helper()
			var out priced
			c.API.MustDo(t, admin, `{ products(first: 10, where: {handle: "thobe"}) { edges { node { variants { prices { `+fields+` } } } } } }`, nil).Decode(t, &out)
			require.Len(t, out.Products.Edges, 1)
			require.NotEmpty(t, out.Products.Edges[0].Node.Variants[0].Prices)
			return out
		}
		for _, p := range read("amount currencyCode").Products.Edges[0].Node.Variants[0].Prices {
			require.Positive(t, p.Amount)
			require.NotEmpty(t, p.CurrencyCode)
		}
		for _, p := range read("amount currencyCode createdAt").Products.Edges[0].Node.Variants[0].Prices {
			require.Positive(t, p.Amount)
			require.NotNil(t, p.CreatedAt)
			require.Greater(t, p.CreatedAt.Year(), 2000, "the whole price is read when more than its tag is asked")
		}
	})
}
