package pricing_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/testenv"
)

func sar(n int64) *money { return &money{Amount: n, CurrencyCode: "SAR"} }
func aed(n int64) *money { return &money{Amount: n, CurrencyCode: "AED"} }

func calc(t *testing.T, g map[string]productNode, handle string) *money {
	t.Helper()
	p, ok := g[handle]
	require.True(t, ok, "%s is on the page", handle)
	require.Len(t, p.Variants, 1)
	return p.Variants[0].CalculatedPrice
}

func TestCalculatedPrice(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		shop := c.As(testenv.PublishableA)
		thobe := c.Variants["thobe"].ID
		eur, err := db.Client.Region.Create().SetTenantID(c.TenantA.ID).SetName("Euro").SetCurrencyCode("EUR").Save(sys())
		require.NoError(t, err)

		// By region: the region's currency.
		g := grid(t, c, shop, map[string]any{"region": id(c.SAR.ID)})
		require.Equal(t, sar(25000), calc(t, g, "thobe"))
		require.Equal(t, sar(40000), calc(t, g, "abaya"))
		require.Equal(t, aed(24000), calc(t, grid(t, c, shop, map[string]any{"region": id(c.AED.ID)}), "thobe"))
		// By currency.
		require.Equal(t, aed(39000), calc(t, grid(t, c, shop, map[string]any{"cur": "AED"}), "abaya"))
		// No price in the currency, or nothing to price in: null.
		require.Nil(t, calc(t, grid(t, c, shop, map[string]any{"region": id(eur.ID)}), "thobe"))
		require.Nil(t, calc(t, grid(t, c, shop, map[string]any{"cur": "USD"}), "thobe"))
		require.Nil(t, calc(t, grid(t, c, shop, map[string]any{}), "thobe"))

		// A region's own price wins over the price in its currency, in that region only.
		setPrice(t, c, c.As(testenv.TenantAdminA), priceIn(thobe, "SAR", 23000, c.SAR.ID))
		g = grid(t, c, shop, map[string]any{"region": id(c.SAR.ID)})
		require.Equal(t, sar(23000), calc(t, g, "thobe"))
		require.Equal(t, sar(40000), calc(t, g, "abaya"), "other variants keep the currency price")
		require.Equal(t, sar(25000), calc(t, grid(t, c, shop, map[string]any{"cur": "SAR"}), "thobe"), "a currency alone takes the currency price")

		// productByHandle prices the same way.
		var one struct {
			ProductByHandle struct{ Variants []variantNode }
		}
		c.API.MustDo(t, shop, `query($r: ID) { productByHandle(handle: "thobe", regionId: $r) { variants { sku availableQuantity calculatedPrice { amount currencyCode } } } }`,
			map[string]any{"r": id(c.SAR.ID)}).Decode(t, &one)
		require.Equal(t, sar(23000), one.ProductByHandle.Variants[0].CalculatedPrice)
		require.Equal(t, 10, one.ProductByHandle.Variants[0].AvailableQuantity)

		// The same through a store's host.
		g = grid(t, c, c.Shop(testenv.Anonymous, "shop.acme-example.com"), map[string]any{"region": id(c.SAR.ID)})
		require.Equal(t, sar(23000), calc(t, g, "thobe"))
	})
}

const pricesQ = `query($r: ID) { products(first: 50, regionId: $r) { edges { node { handle variants { prices { currencyCode amount regionID } } } } } }`

func TestVariantPricesAreForStaff(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		setPrice(t, c, c.As(testenv.TenantAdminA), priceIn(c.Variants["thobe"].ID, "SAR", 23000, c.SAR.ID))
		count := func(h testenv.Headers) map[string]int {
			var out struct {
				Products struct {
					Edges []struct {
						Node struct {
							Handle   string
							Variants []struct{ Prices []priceNode }
						}
					}
				}
			}
			c.API.MustDo(t, h, pricesQ, map[string]any{"r": id(c.SAR.ID)}).Decode(t, &out)
			m := map[string]int{}
			for _, e := range out.Products.Edges {
				m[e.Node.Handle] = len(e.Node.Variants[0].Prices)
			}
			return m
		}
		staff := count(c.As(testenv.TenantAdminA))
		require.Equal(t, 3, staff["thobe"], "SAR, AED and the SAR region's")
		require.Equal(t, 2, staff["abaya"])
		require.Zero(t, staff["gadget"], "B's catalog is not A's staff's")
		shopper := count(c.As(testenv.PublishableA))
		require.Equal(t, map[string]int{"thobe": 0, "abaya": 0}, shopper, "shoppers see the calculated price only")
		// Another tenant's staff browsing A1's storefront are shoppers there.
		require.Equal(t, map[string]int{"thobe": 0, "abaya": 0}, count(c.Shop(testenv.SecretB, "a1.dakkah.test")))
		require.Equal(t, map[string]int{"thobe": 0, "abaya": 0}, count(c.Shop(testenv.TenantAdminB, "a1.dakkah.test")))
	})
}

// Choose picks the price a buyer pays: the region's own price in the currency, else the
// currency's price for every region; never a price in another currency, nor another
// region's own.
func TestChoose(t *testing.T) {
	sar, aed, other := 1, 2, 3
	in := func(id int, currency string, region *int, amount int64) *ent.Price {
		return &ent.Price{ID: id, CurrencyCode: currency, RegionID: region, Amount: amount}
	}
	prices := []*ent.Price{
		in(1, "SAR", nil, 25000), in(2, "SAR", &other, 21000), in(3, "SAR", &sar, 23000),
		in(4, "AED", nil, 24000), in(5, "SAR", nil, 26000),
	}
	for _, tc := range []struct {
		name     string
		region   *int
		currency string
		want     int64
		ok       bool
	}{
		{"the region's own price", &sar, "SAR", 23000, true},
		{"no own price: the currency's, the first one", &aed, "SAR", 25000, true},
		{"no region: the currency's", nil, "SAR", 25000, true},
		{"another currency", &sar, "AED", 24000, true},
		{"no price in the currency", &sar, "USD", 0, false},
	} {
		m, ok := pricing.Choose(prices, tc.region, tc.currency)
		require.Equal(t, tc.ok, ok, tc.name)
		require.Equal(t, tc.want, m.Amount, tc.name)
		if ok {
			require.Equal(t, tc.currency, m.CurrencyCode, tc.name)
		}
	}
}
