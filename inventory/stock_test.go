package inventory_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// The shared test helpers (package testenv), under the names this package's tests use.
var (
	id           = testenv.ID
	requireError = testenv.RequireError
)

func reserve(t *testing.T, c *testenv.Commerce, key, handle string, qty int) *ent.Order {
	t.Helper()
	o := newOrder(t, c, key)
	require.NoError(t, txn.Run(sys(), c.API.DB.Client, func(tx *ent.Tx) error {
		return inventory.Reserve(sys(), tx, o.ID, c.Variants[handle].ID, qty)
	}))
	return o
}

const availableQ = `query { products(first: 50) { edges { node { handle variants { availableQuantity } } } } }`

// shelf is what a storefront shows as available, by product handle.
func shelf(t *testing.T, c *testenv.Commerce, h testenv.Headers) map[string]int {
	t.Helper()
	var out struct {
		Products struct {
			Edges []struct {
				Node struct {
					Handle   string
					Variants []struct{ AvailableQuantity int }
				}
			}
		}
	}
	c.API.MustDo(t, h, availableQ, nil).Decode(t, &out)
	m := map[string]int{}
	for _, e := range out.Products.Edges {
		for _, v := range e.Node.Variants {
			m[e.Node.Handle] += v.AvailableQuantity
		}
	}
	return m
}

func TestAvailableQuantity(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		shop := c.As(testenv.PublishableA)
		require.Equal(t, map[string]int{"thobe": 10, "abaya": 3}, shelf(t, c, shop))

		o := reserve(t, c, "r1", "thobe", 4)
		reserve(t, c, "r2", "abaya", 3)
		require.Equal(t, map[string]int{"thobe": 6, "abaya": 0}, shelf(t, c, shop), "reserved units are not available")

		// Stock at a second location adds up.
		dammam, err := db.Client.StockLocation.Create().SetTenantID(c.TenantA.ID).SetName("Dammam").Save(sys())
		require.NoError(t, err)
		require.NoError(t, db.Client.InventoryLevel.Create().SetTenantID(c.TenantA.ID).SetVariantID(c.Variants["thobe"].ID).
			SetLocationID(dammam.ID).SetStockedQuantity(5).SetReservedQuantity(1).Exec(sys()))
		require.Equal(t, 10, shelf(t, c, shop)["thobe"])

		require.NoError(t, txn.Run(sys(), db.Client, func(tx *ent.Tx) error { return inventory.Release(sys(), tx, o.ID) }))
		require.Equal(t, 14, shelf(t, c, c.Shop(testenv.Anonymous, "shop.acme-example.com"))["thobe"], "released units are available again")

		// The service answers the same, for a variant the caller may see.
		svc := c.API.App.Inventory
		shopA1 := viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.PublishableKey, StoreID: c.StoreA1.ID, TenantID: c.TenantA.ID, ShopOpen: true})
		n, err := svc.Available(shopA1, c.Variants["thobe"].ID)
		require.NoError(t, err)
		require.Equal(t, 14, n)
		n, err = svc.Available(shopA1, c.Variants["hijab"].ID)
		require.NoError(t, err)
		require.Zero(t, n, "hijab is not sold in A1")
		n, err = svc.Available(sys(), c.Variants["hijab"].ID)
		require.NoError(t, err)
		require.Equal(t, 10, n)

		// Backorders reserve beyond stock: nothing is available, never a negative amount.
		require.NoError(t, db.Client.ProductVariant.UpdateOneID(c.Variants["abaya"].ID).SetAllowBackorder(true).Exec(sys()))
		reserve(t, c, "r3", "abaya", 2)
		require.Equal(t, 0, shelf(t, c, shop)["abaya"])
		// A backordered level takes nothing from another: its 4 units can all be bought.
		require.NoError(t, db.Client.InventoryLevel.Create().SetTenantID(c.TenantA.ID).SetVariantID(c.Variants["abaya"].ID).
			SetLocationID(dammam.ID).SetStockedQuantity(4).Exec(sys()))
		require.Equal(t, 4, shelf(t, c, shop)["abaya"])
		reserve(t, c, "r4", "abaya", 4)
		require.Equal(t, 0, shelf(t, c, shop)["abaya"], "and are then reserved")
	})
}

const setStockM = `mutation($v: ID!, $l: ID!, $n: Int!) { setStockLevel(variantId: $v, locationId: $l, stockedQuantity: $n) { id variantID locationID stockedQuantity reservedQuantity } }`

type levelNode struct {
	ID, VariantID, LocationID         string
	StockedQuantity, ReservedQuantity int
}

func setStock(variantID, locationID, n int) map[string]any {
	return map[string]any{"v": id(variantID), "l": id(locationID), "n": n}
}

func TestSetStockLevel(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		admin := c.As(testenv.TenantAdminA)
		thobe := c.Variants["thobe"].ID
		var out struct{ SetStockLevel levelNode }
		c.API.MustDo(t, admin, setStockM, setStock(thobe, c.LocationA.ID, 20)).Decode(t, &out)
		require.Equal(t, 20, out.SetStockLevel.StockedQuantity)
		require.Equal(t, level(t, c, "thobe").ID, mustAtoi(t, out.SetStockLevel.ID), "the existing level")

		// Reserved units stay reserved: the stock cannot go below them.
		reserve(t, c, "r1", "thobe", 4)
		requireError(t, c.API.Do(t, admin, setStockM, setStock(thobe, c.LocationA.ID, 3)), "BAD_USER_INPUT", "stockedQuantity")
		require.Equal(t, 20, level(t, c, "thobe").StockedQuantity, "a refused change changes nothing")
		c.API.MustDo(t, admin, setStockM, setStock(thobe, c.LocationA.ID, 4)).Decode(t, &out)
		require.Equal(t, levelNode{ID: out.SetStockLevel.ID, VariantID: id(thobe), LocationID: id(c.LocationA.ID), StockedQuantity: 4, ReservedQuantity: 4}, out.SetStockLevel)
		requireError(t, c.API.Do(t, admin, setStockM, setStock(thobe, c.LocationA.ID, -1)), "BAD_USER_INPUT", "stockedQuantity")

		// A location without a level for the variant gets one.
		var loc struct {
			CreateStockLocation struct{ ID, Name, TenantID string }
		}
		c.API.MustDo(t, admin, `mutation($in: StockLocationInput!) { createStockLocation(input: $in) { id name tenantID } }`,
			map[string]any{"in": map[string]any{"tenantId": id(c.TenantA.ID), "name": "Dammam"}}).Decode(t, &loc)
		require.Equal(t, id(c.TenantA.ID), loc.CreateStockLocation.TenantID)
		dammam := mustAtoi(t, loc.CreateStockLocation.ID)
		c.API.MustDo(t, admin, setStockM, setStock(thobe, dammam, 7)).Decode(t, &out)
		require.Equal(t, 7, out.SetStockLevel.StockedQuantity)
		require.Equal(t, 0, out.SetStockLevel.ReservedQuantity)
		n, err := db.Client.InventoryLevel.Query().Where(inventorylevel.VariantID(thobe)).Count(sys())
		require.NoError(t, err)
		require.Equal(t, 2, n)
		avail, err := c.API.App.Inventory.Available(sys(), thobe)
		require.NoError(t, err)
		require.Equal(t, 7, avail, "4 stocked and 4 reserved in Riyadh, 7 in Dammam")

		// B's location is not A's to stock.
		requireError(t, c.API.Do(t, c.As(testenv.SuperAdmin), setStockM, setStock(thobe, c.LocationB.ID, 1)), "BAD_USER_INPUT", "locationId")
	})
}

func TestStockAcrossTenants(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		thobe, gadget := c.Variants["thobe"].ID, c.Variants["gadget"].ID
		locationsQ := `query($t: ID!) { stockLocations(tenantId: $t) { id name } }`
		createLocM := `mutation($in: StockLocationInput!) { createStockLocation(input: $in) { id } }`

		for _, who := range []string{testenv.TenantAdminB, testenv.SecretB} {
			h := c.As(who)
			requireError(t, c.API.Do(t, h, setStockM, setStock(thobe, c.LocationA.ID, 0)), "NOT_FOUND", "")
			requireError(t, c.API.Do(t, h, setStockM, setStock(gadget, c.LocationA.ID, 0)), "NOT_FOUND", "") // A's location
			requireError(t, c.API.Do(t, h, locationsQ, map[string]any{"t": id(c.TenantA.ID)}), "NOT_FOUND", "")
			requireError(t, c.API.Do(t, h, createLocM, map[string]any{"in": map[string]any{"tenantId": id(c.TenantA.ID), "name": "Mine"}}), "NOT_FOUND", "")
		}
		require.Equal(t, 10, level(t, c, "thobe").StockedQuantity, "A's stock is untouched")

		// B stocks its own.
		var out struct{ SetStockLevel levelNode }
		c.API.MustDo(t, c.As(testenv.SecretB), setStockM, setStock(gadget, c.LocationB.ID, 12)).Decode(t, &out)
		require.Equal(t, 12, out.SetStockLevel.StockedQuantity)

		// A's staff read the locations; only A's admins write stock.
		var locs struct{ StockLocations []struct{ ID, Name string } }
		c.API.MustDo(t, c.As(testenv.ManagerA1), locationsQ, map[string]any{"t": id(c.TenantA.ID)}).Decode(t, &locs)
		require.Equal(t, []struct{ ID, Name string }{{id(c.LocationA.ID), "Riyadh"}}, locs.StockLocations)
		requireError(t, c.API.Do(t, c.As(testenv.ManagerA1), setStockM, setStock(thobe, c.LocationA.ID, 0)), "FORBIDDEN", "")
		requireError(t, c.API.Do(t, c.As(testenv.ManagerA1), createLocM, map[string]any{"in": map[string]any{"tenantId": id(c.TenantA.ID), "name": "Mine"}}), "FORBIDDEN", "")
		// Shoppers and customers see no stock locations.
		requireError(t, c.API.Do(t, c.As(testenv.PublishableA), locationsQ, map[string]any{"t": id(c.TenantA.ID)}), "UNAUTHENTICATED", "")
		requireError(t, c.API.Do(t, c.As(testenv.CustomerA), locationsQ, map[string]any{"t": id(c.TenantA.ID)}), "FORBIDDEN", "")
		requireError(t, c.API.Do(t, c.As(testenv.TenantAdminA), createLocM, map[string]any{"in": map[string]any{"tenantId": id(c.TenantA.ID), "name": ""}}), "BAD_USER_INPUT", "name")
	})
}

func mustAtoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err, "id %q", s)
	return n
}
