package seed_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/dakkah/cityos/seed"
	"github.com/dakkah/cityos/testenv"
)

// Each demo vendor's admin signs in and sees its own vendor only; the tenant admin both.
func TestDemoVendors(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		demo(t, db, api)
		handles := func(email string) []string {
			var login struct{ Login struct{ AccessToken string } }
			api.MustDo(t, nil, loginQ, map[string]any{"e": email, "p": seed.DefaultPassword}).Decode(t, &login)
			var out struct {
				Vendors struct {
					Edges []struct {
						Node struct{ Handle, Status string }
					}
				}
			}
			api.MustDo(t, testenv.Headers{"Authorization": "Bearer " + login.Login.AccessToken},
				`{ vendors(first: 10) { edges { node { handle status } } } }`, nil).Decode(t, &out)
			var hs []string
			for _, e := range out.Vendors.Edges {
				assert.Equal(t, "active", e.Node.Status)
				hs = append(hs, e.Node.Handle)
			}
			return hs
		}
		assert.Equal(t, []string{"najd-crafts"}, handles("admin@najd-crafts.test"))
		assert.Equal(t, []string{"hejaz-spices"}, handles("admin@hejaz-spices.test"))
		assert.Equal(t, []string{"najd-crafts", "hejaz-spices"}, handles("admin@saudi-marketplace.test"), "in the order they were created")

		// The souq sells the vendors' approved products, in SAR, from their own stock.
		var souq struct {
			Products struct {
				Edges []struct {
					Node struct {
						Handle   string
						Vendor   struct{ Handle string }
						Variants []struct {
							AvailableQuantity int
							CalculatedPrice   struct{ CurrencyCode string }
						}
					}
				}
			}
		}
		api.MustDo(t, testenv.Headers{"X-Store-Host": "souq.dakkah.test"}, `{ products(first: 50, currencyCode: "SAR") { edges { node {
			handle vendor { handle } variants { availableQuantity calculatedPrice { currencyCode } } } } } }`, nil).Decode(t, &souq)
		byVendor := map[string]int{}
		for _, e := range souq.Products.Edges {
			byVendor[e.Node.Vendor.Handle]++
			assert.Equal(t, "SAR", e.Node.Variants[0].CalculatedPrice.CurrencyCode, e.Node.Handle)
			assert.Positive(t, e.Node.Variants[0].AvailableQuantity, e.Node.Handle)
		}
		assert.Equal(t, map[string]int{"najd-crafts": 3, "hejaz-spices": 2}, byVendor)

		// The tenant takes 10 %, hejaz-spices has its 7 %; each vendor reads the rules
		// that apply to it, never another vendor's.
		rules := func(email string) []string {
			var login struct{ Login struct{ AccessToken string } }
			api.MustDo(t, nil, loginQ, map[string]any{"e": email, "p": seed.DefaultPassword}).Decode(t, &login)
			var out struct {
				CommissionRules struct {
					Edges []struct {
						Node struct {
							Scope string
							Bps   int
						}
					}
				}
			}
			api.MustDo(t, testenv.Headers{"Authorization": "Bearer " + login.Login.AccessToken},
				`{ commissionRules(first: 10) { edges { node { scope bps } } } }`, nil).Decode(t, &out)
			var got []string
			for _, e := range out.CommissionRules.Edges {
				got = append(got, fmt.Sprintf("%s %d", e.Node.Scope, e.Node.Bps))
			}
			sort.Strings(got)
			return got
		}
		assert.Equal(t, []string{"tenant 1000", "vendor 700"}, rules("admin@saudi-marketplace.test"))
		assert.Equal(t, []string{"tenant 1000", "vendor 700"}, rules("admin@hejaz-spices.test"))
		assert.Equal(t, []string{"tenant 1000"}, rules("admin@najd-crafts.test"))
	})
}
