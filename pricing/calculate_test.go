package pricing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
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

func TestPriceFor(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := c.API.App.Pricing
		thobe, hijab := c.Variants["thobe"].ID, c.Variants["hijab"].ID
		setPrice(t, c, c.As(testenv.TenantAdminA), priceIn(thobe, "SAR", 23000, c.SAR.ID))
		shopA1 := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.PublishableKey, StoreID: c.StoreA1.ID, TenantID: c.TenantA.ID, ShopOpen: true})

		get := func(ctx context.Context, variantID int, regionID *int, currency string) (pricing.Money, bool) {
			t.Helper()
			m, ok, err := svc.PriceFor(ctx, variantID, regionID, currency)
			require.NoError(t, err)
			return m, ok
		}
		m, ok := get(shopA1, thobe, &c.SAR.ID, "SAR")
		require.True(t, ok)
		require.Equal(t, pricing.Money{Amount: 23000, CurrencyCode: "SAR"}, m, "the region's own price")
		m, _ = get(shopA1, thobe, &c.SAR.ID, "")
		require.Equal(t, int64(23000), m.Amount, "the region's currency by default")
		m, _ = get(shopA1, thobe, nil, "SAR")
		require.Equal(t, int64(25000), m.Amount, "no region: the currency price")
		m, _ = get(shopA1, thobe, &c.AED.ID, "AED")
		require.Equal(t, pricing.Money{Amount: 24000, CurrencyCode: "AED"}, m, "a region without its own price: the currency price")
		_, ok = get(shopA1, thobe, nil, "USD")
		require.False(t, ok, "no price in the currency")
		_, ok = get(shopA1, hijab, nil, "SAR")
		require.False(t, ok, "hijab is not sold in A1")
		_, ok = get(viewer.SystemContext(context.Background(), "t"), hijab, nil, "SAR")
		require.True(t, ok)

		_, _, err := svc.PriceFor(shopA1, thobe, &c.RegionB.ID, "")
		require.True(t, ent.IsNotFound(err), "another tenant's region: %v", err)
	})
}
