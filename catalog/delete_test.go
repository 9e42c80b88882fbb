package catalog_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/ent/orderlineitem"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/testenv"
)

func TestDeletingAProductInCartsAndOrders(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		admin := c.As(testenv.TenantAdminA)
		ctx := sys()
		cl := db.Client
		abaya, abayaV := c.Products["abaya"], c.Variants["abaya"]

		// A shopper has abaya in a cart, and an open order holds one in stock.
		cart, err := cl.Cart.Create().SetTenantID(c.TenantA.ID).SetToken(424242).SetStoreID(c.StoreA1.ID).
			SetRegionID(c.SAR.ID).SetCurrencyCode("SAR").Save(ctx)
		require.NoError(t, err)
		require.NoError(t, cl.LineItem.Create().SetTenantID(c.TenantA.ID).SetCartID(cart.ID).SetVariantID(abayaV.ID).
			SetTitle("The abaya").SetSku(abayaV.Sku).SetQuantity(1).SetUnitPrice(40000).Exec(ctx))
		order, err := cl.Order.Create().SetTenantID(c.TenantA.ID).SetStoreID(c.StoreA1.ID).SetDisplayID(1).
			SetIdempotencyKey("k-1").SetCurrencyCode("SAR").SetSubtotal(40000).SetShippingTotal(0).SetTaxTotal(0).
			SetTotal(40000).SetPaymentProvider("manual").Save(ctx)
		require.NoError(t, err)
		require.NoError(t, cl.OrderLineItem.Create().SetTenantID(c.TenantA.ID).SetOrderID(order.ID).SetVariantID(abayaV.ID).
			SetTitle("The abaya").SetSku(abayaV.Sku).SetQuantity(1).SetUnitPrice(40000).SetTotal(40000).Exec(ctx))
		inTx := func(fn func(tx *ent.Tx) error) {
			t.Helper()
			tx, err := cl.Tx(ctx)
			require.NoError(t, err)
			require.NoError(t, fn(tx))
			require.NoError(t, tx.Commit())
		}
		inTx(func(tx *ent.Tx) error { return inventory.Reserve(ctx, tx, order.ID, abayaV.ID, 1) })

		// While stock is reserved for the order, neither the product nor the variant goes.
		r := api.Do(t, admin, deleteProductQ, map[string]any{"id": id(abaya.ID)})
		requireError(t, r, "CONFLICT", "")
		requireError(t, api.Do(t, admin, deleteVariantQ, map[string]any{"id": id(abayaV.ID)}), "CONFLICT", "")
		_, err = cl.Product.Get(ctx, abaya.ID)
		require.NoError(t, err, "the refused delete was rolled back")
		n, err := cl.LineItem.Query().Where(lineitem.CartID(cart.ID)).Count(ctx)
		require.NoError(t, err)
		assert.Equal(t, 1, n, "the cart keeps its line")
		// Someone who may not delete it hears that first.
		requireError(t, api.Do(t, c.As(testenv.ManagerA1), deleteProductQ, map[string]any{"id": id(abaya.ID)}), "FORBIDDEN", "")

		// Once the order is settled the product goes: out of carts; the order keeps its copy.
		inTx(func(tx *ent.Tx) error { return inventory.Release(context.Background(), tx, order.ID) })
		api.MustDo(t, admin, deleteProductQ, map[string]any{"id": id(abaya.ID)})
		n, err = cl.LineItem.Query().Where(lineitem.CartID(cart.ID)).Count(ctx)
		require.NoError(t, err)
		assert.Zero(t, n)
		line, err := cl.OrderLineItem.Query().Where(orderlineitem.OrderID(order.ID)).Only(ctx)
		require.NoError(t, err)
		assert.Equal(t, "SKU-abaya", line.Sku)
		assert.Equal(t, []string{"thobe"}, handles(t, api, c.As(testenv.PublishableA), nil))
		assert.Equal(t, []string{"hijab"}, handles(t, api, c.Shop(testenv.Anonymous, "a2.dakkah.test"), nil))
	})
}
