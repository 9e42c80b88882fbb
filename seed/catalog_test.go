package seed_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/seed"
	"github.com/dakkah/cityos/testenv"
)

// The demo catalog as a shopper sees it through each store's host: its own products with
// SAR prices, the prayer mat in two stores, and a limited edition with only a few left.
func TestDemoCatalogThroughTheStorefront(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		res := demo(t, db, api)
		require.Equal(t, 25, res.Products, "20 of the tenants, 5 of the souq's vendors")

		type variant struct {
			AvailableQuantity int
			CalculatedPrice   *struct {
				Amount       int64
				CurrencyCode string
			}
		}
		type page struct {
			Regions  []struct{ ID, CurrencyCode string }
			Products struct {
				Edges []struct {
					Node struct {
						Handle   string
						Variants []variant
					}
				}
			}
		}
		sells := map[string]map[string]variant{}
		for _, store := range []string{"saudi-traditional", "modern-fashion", "home-decor", "oud-perfumes", "dates-coffee", "gulf-electronics"} {
			h := testenv.Headers{"X-Store-Host": store + ".dakkah.test"}
			var regions page
			api.MustDo(t, h, `{ regions { id currencyCode } }`, nil).Decode(t, &regions)
			require.Len(t, regions.Regions, 2, store)
			var sar string
			for _, r := range regions.Regions {
				if r.CurrencyCode == "SAR" {
					sar = r.ID
				}
			}
			require.NotEmpty(t, sar, store)
			var p page
			api.MustDo(t, h, `query($r: ID) { products(first: 50, regionId: $r) { edges { node { handle variants { availableQuantity calculatedPrice { amount currencyCode } } } } } }`,
				map[string]any{"r": sar}).Decode(t, &p)
			sells[store] = map[string]variant{}
			limited := 0
			for _, e := range p.Products.Edges {
				v := e.Node.Variants[0]
				require.NotNil(t, v.CalculatedPrice, e.Node.Handle)
				require.Equal(t, "SAR", v.CalculatedPrice.CurrencyCode)
				if v.AvailableQuantity == seed.LimitedStock {
					limited++
				}
				sells[store][e.Node.Handle] = v
			}
			require.Equal(t, 1, limited, "%s has one limited edition with %d left", store, seed.LimitedStock)
		}
		require.Contains(t, sells["saudi-traditional"], "velvet-prayer-mat")
		require.Contains(t, sells["home-decor"], "velvet-prayer-mat", "one product is sold in two stores")
		require.NotContains(t, sells["modern-fashion"], "velvet-prayer-mat")
		require.Contains(t, sells["dates-coffee"], "ajwa-dates")
		require.Contains(t, sells["oud-perfumes"], "bakhoor-blend")
		require.Len(t, sells["gulf-electronics"], 2)

		// Every product of the tenants shows its details, and its variants their packed size.
		var details struct {
			Products struct {
				Edges []struct {
					Node struct {
						Handle, Subtitle, ProductType, Material, OriginCountry string
						Variants                                               []struct{ Weight, Length, Width, Height *int }
					}
				}
			}
		}
		api.MustDo(t, testenv.Headers{"X-Store-Host": "dates-coffee.dakkah.test"}, `{ products(first: 50) { edges { node {
			handle subtitle productType material originCountry variants { weight length width height } } } } }`, nil).Decode(t, &details)
		require.NotEmpty(t, details.Products.Edges)
		for _, e := range details.Products.Edges {
			n := e.Node
			assert.Len(t, n.OriginCountry, 2, n.Handle)
			assert.NotEmpty(t, n.Subtitle, n.Handle)
			assert.NotEmpty(t, n.ProductType, n.Handle)
			assert.NotEmpty(t, n.Material, n.Handle)
			for _, v := range n.Variants {
				assert.True(t, v.Weight != nil && *v.Weight > 0 && v.Length != nil && *v.Length > 0, n.Handle)
			}
		}

		// Every store's products have a description, two to four images with alt text and
		// options; one product at least shows each variant's own images.
		for _, store := range []string{"saudi-traditional", "modern-fashion", "home-decor", "oud-perfumes", "dates-coffee", "gulf-electronics", seed.Souq, seed.Wholesale} {
			var shop struct {
				Products struct {
					Edges []struct {
						Node struct {
							Handle, Description string
							Images              []struct{ URL, Alt string }
							Options             []struct{ Title string }
							Variants            []struct{ Images []struct{ URL string } }
						}
					}
				}
			}
			api.MustDo(t, testenv.Headers{"X-Store-Host": store + ".dakkah.test"}, `{ products(first: 50) { edges { node {
				handle description images { url alt } options { title } variants { images { url } } } } } }`, nil).Decode(t, &shop)
			require.NotEmpty(t, shop.Products.Edges, store)
			perVariant := 0
			for _, e := range shop.Products.Edges {
				n := e.Node
				assert.Greater(t, len(n.Description), 60, n.Handle)
				assert.True(t, len(n.Images) >= 2 && len(n.Images) <= 4, "%s has %d images", n.Handle, len(n.Images))
				for _, im := range n.Images {
					assert.NotEmpty(t, im.Alt, n.Handle)
				}
				if len(n.Variants) > 1 {
					assert.NotEmpty(t, n.Options, "%s has variants, so options", n.Handle)
				}
				for _, v := range n.Variants {
					if len(v.Images) > 0 {
						perVariant++
						break
					}
				}
			}
			assert.Positive(t, perVariant, "%s has a product with per-variant images", store)
		}
	})
}
