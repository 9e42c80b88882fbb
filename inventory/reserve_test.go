package inventory_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "inventory-test") }

var displayID atomic.Int64

// newOrder makes a bare order to hang reservations on.
func newOrder(t *testing.T, c *testenv.Commerce, key string) *ent.Order {
	t.Helper()
	o, err := c.API.DB.Client.Order.Create().SetTenantID(c.TenantA.ID).SetStoreID(c.StoreA1.ID).SetDisplayID(int(displayID.Add(1))).
		SetIdempotencyKey(key).SetCurrencyCode("SAR").SetSubtotal(0).SetShippingTotal(0).SetTaxTotal(0).SetTotal(0).
		SetPaymentProvider("manual").Save(sys())
	require.NoError(t, err)
	return o
}

func level(t *testing.T, c *testenv.Commerce, handle string) *ent.InventoryLevel {
	t.Helper()
	l, err := c.API.DB.Client.InventoryLevel.Query().Where(inventorylevel.VariantID(c.Variants[handle].ID)).Only(sys())
	require.NoError(t, err)
	return l
}

func TestReserveNeverOversells(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		v := c.Variants["thobe"]
		require.NoError(t, db.Client.InventoryLevel.Update().Where(inventorylevel.VariantID(v.ID)).SetStockedQuantity(5).Exec(sys()))

		const buyers = 100
		orders := make([]*ent.Order, buyers)
		for i := range orders {
			orders[i] = newOrder(t, c, fmt.Sprintf("buyer-%d", i))
		}
		var won, soldOut atomic.Int32
		var wg sync.WaitGroup
		for i := 0; i < buyers; i++ {
			wg.Add(1)
			go func(o *ent.Order) {
				defer wg.Done()
				err := txn.Run(sys(), db.Client, func(tx *ent.Tx) error {
					return inventory.Reserve(sys(), tx, o.ID, v.ID, 1)
				})
				switch {
				case err == nil:
					won.Add(1)
				case apperr.CodeOf(err) == apperr.Conflict:
					soldOut.Add(1)
				default:
					t.Errorf("unexpected error: %v", err)
				}
			}(orders[i])
		}
		wg.Wait()
		require.EqualValues(t, 5, won.Load(), "exactly as many reservations as units")
		require.EqualValues(t, buyers-5, soldOut.Load())
		l := level(t, c, "thobe")
		require.Equal(t, 5, l.ReservedQuantity)
		require.Equal(t, 5, l.StockedQuantity)
	})
}

func TestReleaseAndShip(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		v := c.Variants["abaya"] // 3 in stock
		o1, o2 := newOrder(t, c, "one"), newOrder(t, c, "two")
		reserve := func(o *ent.Order, n int) error {
			return txn.Run(sys(), db.Client, func(tx *ent.Tx) error { return inventory.Reserve(sys(), tx, o.ID, v.ID, n) })
		}
		require.NoError(t, reserve(o1, 2))
		require.Equal(t, apperr.Conflict, apperr.CodeOf(reserve(o2, 2)), "only 1 left")
		require.Equal(t, 2, level(t, c, "abaya").ReservedQuantity, "a refused reservation holds nothing")

		require.NoError(t, txn.Run(sys(), db.Client, func(tx *ent.Tx) error { return inventory.Release(sys(), tx, o1.ID) }))
		l := level(t, c, "abaya")
		require.Equal(t, 0, l.ReservedQuantity)
		require.Equal(t, 3, l.StockedQuantity)
		require.NoError(t, txn.Run(sys(), db.Client, func(tx *ent.Tx) error { return inventory.Release(sys(), tx, o1.ID) }),
			"releasing twice is harmless")
		require.Equal(t, 0, level(t, c, "abaya").ReservedQuantity)

		require.NoError(t, reserve(o2, 2))
		require.NoError(t, txn.Run(sys(), db.Client, func(tx *ent.Tx) error { return inventory.Ship(sys(), tx, o2.ID) }))
		l = level(t, c, "abaya")
		require.Equal(t, 0, l.ReservedQuantity)
		require.Equal(t, 1, l.StockedQuantity, "shipped units leave the stock")
	})
}

func TestBackorderAndUntracked(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		o := newOrder(t, c, "bo")
		reserve := func(handle string, n int) error {
			return txn.Run(sys(), db.Client, func(tx *ent.Tx) error {
				return inventory.Reserve(sys(), tx, o.ID, c.Variants[handle].ID, n)
			})
		}
		require.NoError(t, db.Client.ProductVariant.UpdateOneID(c.Variants["abaya"].ID).SetAllowBackorder(true).Exec(sys()))
		require.NoError(t, reserve("abaya", 5))
		require.Equal(t, 5, level(t, c, "abaya").ReservedQuantity, "backorders reserve beyond stock")

		require.NoError(t, db.Client.ProductVariant.UpdateOneID(c.Variants["hijab"].ID).SetManageInventory(false).Exec(sys()))
		require.NoError(t, reserve("hijab", 500))
		require.Equal(t, 0, level(t, c, "hijab").ReservedQuantity, "untracked variants reserve nothing")
	})
}

// ReserveAll reads the levels of the variants that track stock at once; each variant is
// still reserved by its own rule: from stock, beyond it when it allows backorders, not
// at all when it does not track inventory, and never past stock otherwise.
func TestReserveAllFollowsEachVariantsRule(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		require.NoError(t, db.Client.ProductVariant.UpdateOneID(c.Variants["abaya"].ID).SetAllowBackorder(true).Exec(sys()))
		require.NoError(t, db.Client.ProductVariant.UpdateOneID(c.Variants["hijab"].ID).SetManageInventory(false).Exec(sys()))
		thobe := level(t, c, "thobe")
		abaya := level(t, c, "abaya")
		reserveAll := func(key string, wants ...inventory.Want) error {
			o := newOrder(t, c, key)
			return txn.Run(sys(), db.Client, func(tx *ent.Tx) error {
				return inventory.ReserveAll(sys(), tx, inventory.ForOrder(o.ID), wants)
			})
		}
		want := func(handle string, n int) inventory.Want {
			return inventory.Want{VariantID: c.Variants[handle].ID, Quantity: n}
		}

		require.NoError(t, reserveAll("all", want("abaya", abaya.StockedQuantity+2), want("hijab", 500), want("thobe", 1)))
		require.Equal(t, abaya.StockedQuantity+2, level(t, c, "abaya").ReservedQuantity, "backorders reserve beyond stock")
		require.Zero(t, level(t, c, "hijab").ReservedQuantity, "untracked variants reserve nothing")
		require.Equal(t, 1, level(t, c, "thobe").ReservedQuantity)

		err := reserveAll("short", want("hijab", 1), want("thobe", thobe.StockedQuantity))
		require.Equal(t, apperr.Conflict, apperr.CodeOf(err))
		require.Contains(t, err.Error(), c.Variants["thobe"].Sku)
		require.Equal(t, 1, level(t, c, "thobe").ReservedQuantity, "a short order reserves nothing")
	})
}

// Units come from a variant's levels in order: all from the first that has any when it
// has them all (one statement on PostgreSQL), else split over the next ones; a short
// order takes nothing. Each reservation names its level, order and tenant.
func TestReserveTakesLevelsInOrder(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		main := level(t, c, "thobe") // 10 stocked
		dammam, err := db.Client.StockLocation.Create().SetTenantID(c.TenantA.ID).SetName("Dammam").Save(sys())
		require.NoError(t, err)
		second, err := db.Client.InventoryLevel.Create().SetTenantID(c.TenantA.ID).SetVariantID(c.Variants["thobe"].ID).
			SetLocationID(dammam.ID).SetStockedQuantity(5).Save(sys())
		require.NoError(t, err)
		reserve := func(key string, n int) (*ent.Order, error) {
			o := newOrder(t, c, key)
			return o, txn.Run(sys(), db.Client, func(tx *ent.Tx) error {
				return inventory.Reserve(sys(), tx, o.ID, c.Variants["thobe"].ID, n)
			})
		}
		// held lists an order's reservations as level:quantity, checking their owner.
		held := func(o *ent.Order) []string {
			rs, err := o.QueryReservations().Order(ent.Asc("id")).All(sys())
			require.NoError(t, err)
			out := make([]string, len(rs))
			for i, r := range rs {
				require.Equal(t, c.TenantA.ID, r.TenantID)
				require.Nil(t, r.ApprovalRequestID)
				require.Nil(t, r.ReleasedAt)
				name := "main"
				if r.InventoryLevelID == second.ID {
					name = "dammam"
				}
				out[i] = fmt.Sprintf("%s:%d", name, r.Quantity)
			}
			return out
		}
		reserved := func(id int) int {
			l, err := db.Client.InventoryLevel.Get(sys(), id)
			require.NoError(t, err)
			return l.ReservedQuantity
		}

		o1, err := reserve("one-level", 8)
		require.NoError(t, err)
		require.Equal(t, []string{"main:8"}, held(o1))
		o2, err := reserve("split", 4) // 2 left at main: not the later level that has all 4
		require.NoError(t, err)
		require.Equal(t, []string{"main:2", "dammam:2"}, held(o2))
		o3, err := reserve("next-level", 3) // main has none left: all from Dammam
		require.NoError(t, err)
		require.Equal(t, []string{"dammam:3"}, held(o3))
		o4, err := reserve("short", 1) // none left
		require.Equal(t, apperr.Conflict, apperr.CodeOf(err), "%v", err)
		require.Empty(t, held(o4))
		require.Equal(t, []int{10, 5}, []int{reserved(main.ID), reserved(second.ID)})
	})
}
