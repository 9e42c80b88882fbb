package pricing_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/testenv"
)

// fieldStatements lists, shortened, the statements run while resolving GraphQL fields.
func fieldStatements(all []testenv.Statement) (list []string) {
	for _, st := range all {
		if st.InField {
			q := st.SQL
			if len(q) > 100 {
				q = q[:100] + "…"
			}
			list = append(list, q)
		}
	}
	return list
}

// regionReads counts the statements that read the regions table.
func regionReads(list []string) (n int) {
	for _, q := range list {
		if strings.HasPrefix(q, `SELECT "regions".`) || strings.HasPrefix(q, "SELECT `regions`.") {
			n++
		}
	}
	return n
}

// addGrid puts n products of 3 variants each, priced in SAR and stocked, in store A1.
func addGrid(t *testing.T, c *testenv.Commerce, n int) {
	t.Helper()
	cl := c.API.DB.Client
	ctx := sys()
	ps := make([]*ent.ProductCreate, n)
	for i := range ps {
		ps[i] = cl.Product.Create().SetTenantID(c.TenantA.ID).SetTitle(fmt.Sprintf("Grid %02d", i)).
			SetHandle(fmt.Sprintf("grid-%02d", i)).SetStatus("published").AddSalesChannelIDs(c.ChannelA1.ID)
	}
	products, err := cl.Product.CreateBulk(ps...).Save(ctx)
	require.NoError(t, err)
	var vs []*ent.ProductVariantCreate
	for i, p := range products {
		for j := 0; j < 3; j++ {
			vs = append(vs, cl.ProductVariant.Create().SetTenantID(c.TenantA.ID).SetProductID(p.ID).
				SetTitle(fmt.Sprintf("Size %d", j)).SetSku(fmt.Sprintf("GRID-%02d-%d", i, j)))
		}
	}
	variants, err := cl.ProductVariant.CreateBulk(vs...).Save(ctx)
	require.NoError(t, err)
	var prices []*ent.PriceCreate
	var levels []*ent.InventoryLevelCreate
	for i, v := range variants {
		prices = append(prices, cl.Price.Create().SetTenantID(c.TenantA.ID).SetVariantID(v.ID).SetCurrencyCode("SAR").SetAmount(int64(1000+i)))
		if i%2 == 0 { // half of them with a price of their own in the SAR region
			prices = append(prices, cl.Price.Create().SetTenantID(c.TenantA.ID).SetVariantID(v.ID).SetCurrencyCode("SAR").SetAmount(int64(900+i)).SetRegionID(c.SAR.ID))
		}
		levels = append(levels, cl.InventoryLevel.Create().SetTenantID(c.TenantA.ID).SetVariantID(v.ID).SetLocationID(c.LocationA.ID).SetStockedQuantity(i))
	}
	require.NoError(t, cl.Price.CreateBulk(prices...).Exec(ctx))
	require.NoError(t, cl.InventoryLevel.CreateBulk(levels...).Exec(ctx))
}

const gridQ = `query($n: Int!, $r: ID) {
  products(first: $n, regionId: $r) {
    edges { node { id title variants { id sku availableQuantity calculatedPrice { amount currencyCode } } } }
  }
}`

// TestStorefrontGridHasNoNPlusOne: the storefront grid runs as many statements for a page
// of 20 products as for a page of 2; a variant's price and availability come from one
// query each for the whole page.
func TestStorefrontGridHasNoNPlusOne(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		addGrid(t, c, 25)
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		shop := c.As(testenv.PublishableA)

		run := func(n int) (all, resolved int, list []string) {
			t.Helper()
			log.Take()
			var out struct {
				Products struct {
					Edges []struct {
						Node struct {
							Title    string
							Variants []variantNode
						}
					}
				}
			}
			api.MustDo(t, shop, gridQ, map[string]any{"n": n, "r": id(c.SAR.ID)}).Decode(t, &out)
			require.Len(t, out.Products.Edges, n)
			for _, e := range out.Products.Edges {
				require.NotEmpty(t, e.Node.Variants, e.Node.Title)
				for _, v := range e.Node.Variants {
					require.NotNil(t, v.CalculatedPrice, v.Sku)
					require.Equal(t, "SAR", v.CalculatedPrice.CurrencyCode)
				}
			}
			ran := log.Take()
			list = fieldStatements(ran)
			return len(ran), len(list), list
		}
		run(2) // warm the caches a first request fills (the key's last use, store resolution)
		all2, resolved2, list2 := run(2)
		all20, resolved20, list20 := run(20)
		t.Logf("%s: N=2: %d statements (%d in resolvers); N=20: %d statements (%d in resolvers)", db.Dialect, all2, resolved2, all20, resolved20)
		require.Equal(t, resolved2, resolved20, "statements in resolvers\nN=2: %q\nN=20: %q", list2, list20[:min(len(list20), 20)])
		require.Equal(t, all2, all20, "statements in the request")
		require.LessOrEqual(t, resolved20, 5, "products, variants, region, prices, levels: %q", list20)
		require.Equal(t, 1, regionReads(list20), "the region is read once: %q", list20)
	})
}

// TestPagesCarryTheirOwnRegion: the region flows from each products field to the variants
// it lists: two pages of one request in two regions price each in its own, a variants
// field under an alias and through a fragment is priced like any other, the region is
// read once however many fields name it, and a variant reached outside a page (through
// its product's edge) has no price to show.
func TestPagesCarryTheirOwnRegion(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		shop := c.As(testenv.PublishableA)
		const q = `query($sar: ID, $aed: ID) {
  sar: products(first: 10, regionId: $sar, where: {handle: "thobe"}) { edges { node { ...Priced } } }
  aed: products(first: 10, regionId: $aed, where: {handle: "thobe"}) { edges { node { sizes: variants { calculatedPrice { amount currencyCode } availableQuantity } } } }
  again: productByHandle(handle: "thobe", regionId: $sar) { variants { calculatedPrice { amount } product { variants { calculatedPrice { amount } } } } }
}
fragment Priced on Product { variants { calculatedPrice { amount currencyCode } } }`
		type priced struct {
			CalculatedPrice   *money
			AvailableQuantity int
		}
		var out struct {
			SAR struct {
				Edges []struct{ Node struct{ Variants []priced } }
			}
			AED struct {
				Edges []struct{ Node struct{ Sizes []priced } }
			}
			Again struct {
				Variants []struct {
					CalculatedPrice *money
					Product         struct{ Variants []priced }
				}
			}
		}
		api.MustDo(t, shop, q, map[string]any{"sar": id(c.SAR.ID), "aed": id(c.AED.ID)}) // warm the per-request caches
		log.Take()
		api.MustDo(t, shop, q, map[string]any{"sar": id(c.SAR.ID), "aed": id(c.AED.ID)}).Decode(t, &out)
		require.Equal(t, sar(25000), out.SAR.Edges[0].Node.Variants[0].CalculatedPrice)
		require.Equal(t, aed(24000), out.AED.Edges[0].Node.Sizes[0].CalculatedPrice)
		require.Equal(t, 10, out.AED.Edges[0].Node.Sizes[0].AvailableQuantity)
		require.Equal(t, int64(25000), out.Again.Variants[0].CalculatedPrice.Amount)
		require.Nil(t, out.Again.Variants[0].Product.Variants[0].CalculatedPrice, "outside a page")
		list := fieldStatements(log.Take())
		require.Equal(t, 2, regionReads(list), "one read per region, however many fields name it: %q", list)
	})
}
