package checkout_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/testenv"
)

// A vendor's product is bought only while it is approved and its vendor active: a cart
// that holds it when its vendor is suspended, or its approval withdrawn, places no order.
func TestCheckoutSellsOnlyActiveVendorsApprovedProducts(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := testenv.NewMarketplace(t, db)
		ctx := ct.Sys()
		guest := ct.Guest(m.Commerce, m.StoreA1)
		for _, tc := range []struct {
			name        string
			take, bring func() error
		}{
			{"vendor suspended",
				func() error { return db.Client.Vendor.UpdateOneID(m.V1.ID).SetStatus(vendor.StatusSuspended).Exec(ctx) },
				func() error { return db.Client.Vendor.UpdateOneID(m.V1.ID).SetStatus(vendor.StatusActive).Exec(ctx) }},
			{"approval withdrawn",
				func() error {
					return db.Client.Product.UpdateOneID(m.Products["lamp"].ID).SetReviewStatus(product.ReviewStatusPending).Exec(ctx)
				},
				func() error {
					return db.Client.Product.UpdateOneID(m.Products["lamp"].ID).SetReviewStatus(product.ReviewStatusApproved).Exec(ctx)
				}},
		} {
			c := ct.Build(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("lamp", 1), ct.Of("rug", 1)}})
			before := orders(t, db)
			require.NoError(t, tc.take(), tc.name)
			code, _ := completeCode(t, m.Commerce, guest, c.Token, "unsellable-"+tc.name)
			assert.Equal(t, "CART_CHANGED", code, tc.name)
			assert.Equal(t, before, orders(t, db), "%s: no order", tc.name)
			require.NoError(t, tc.bring(), tc.name)
		}
		// Sellable again, the same kind of cart completes.
		c := ct.Build(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("lamp", 1)}})
		o := complete(t, m.Commerce, guest, c.Token, "sellable-again")
		assert.NotEmpty(t, o.ID)
	})
}
