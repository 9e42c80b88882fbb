package cart_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// setStoreStatus changes a store's status as its admin would, so every instance's store
// resolution hears of it.
func (e *env) setStoreStatus(s *store.Status, storeID int) {
	e.t.Helper()
	ctx := viewer.SystemContext(context.Background(), "cart-test")
	_, err := e.API.App.Tenancy.UpdateStore(ctx, storeID, tenancy.UpdateStoreInput{Status: s})
	require.NoError(e.t, err)
}

// Closed shops sell nothing: while a store is inactive or in maintenance, or its tenant
// suspended or inactive, every change of its carts answers STORE_CLOSED, whether the
// request shops in the store or names it by the cart alone (a signed-in customer).
func TestClosedStoreCartsDoNotChange(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		e := newEnv(t, db)
		guest, customerA := e.Shop(testenv.Anonymous, hostA1), e.As(testenv.CustomerA)
		thobe, abaya := e.Variants["thobe"], e.Variants["abaya"]
		guestCart := e.add(guest, e.create(guest, map[string]any{"regionId": id(e.SAR.ID)}).ID, thobe, 1)
		ownCart := e.create(e.Shop(testenv.CustomerA, hostA1), map[string]any{"regionId": id(e.SAR.ID)})
		ownCart = e.add(customerA, ownCart.ID, thobe, 1)
		bCart := e.create(e.Shop(testenv.Anonymous, hostB1), map[string]any{"regionId": id(e.RegionB.ID)})

		type op struct {
			q, name string
			vars    func(c *cartView) map[string]any
		}
		ops := []op{
			{qAdd, "addLineItem", func(c *cartView) map[string]any {
				return map[string]any{"c": c.ID, "v": id(abaya.ID), "q": 1}
			}},
			{qAdd, "addLineItem", func(c *cartView) map[string]any {
				return map[string]any{"c": c.ID, "v": id(thobe.ID), "q": 1}
			}},
			{qUpdate, "updateLineItem", func(c *cartView) map[string]any {
				return map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 2}
			}},
			{qUpdate, "updateLineItem", func(c *cartView) map[string]any {
				return map[string]any{"c": c.ID, "i": c.Items[0].ID, "q": 0}
			}},
			{qRemove, "removeLineItem", func(c *cartView) map[string]any { return map[string]any{"c": c.ID, "i": c.Items[0].ID} }},
			{qEmail, "setCartEmail", func(c *cartView) map[string]any { return map[string]any{"c": c.ID, "e": "late@example.com"} }},
			{qShipAddr, "setShippingAddress", func(c *cartView) map[string]any { return map[string]any{"c": c.ID, "a": riyadh} }},
			{qBillAddr, "setBillingAddress", func(c *cartView) map[string]any { return map[string]any{"c": c.ID, "a": riyadh} }},
			{qShipMethod, "setShippingMethod", func(c *cartView) map[string]any {
				return map[string]any{"c": c.ID, "o": id(e.ShipSAR.ID)}
			}},
		}
		var revisions map[string]int
		refused := func(why string) {
			t.Helper()
			for _, o := range ops {
				r, _ := e.do(guest, o.q, o.name, o.vars(guestCart))
				requireCode(t, r, "STORE_CLOSED")
				r, _ = e.do(customerA, o.q, o.name, o.vars(ownCart))
				requireCode(t, r, "STORE_CLOSED")
			}
			r, _ := e.do(guest, qCreate, "createCart", map[string]any{"in": map[string]any{"regionId": id(e.SAR.ID)}})
			requireCode(t, r, "STORE_CLOSED")
			r, _ = e.do(customerA, qCreate, "createCart", map[string]any{"in": map[string]any{"regionId": id(e.SAR.ID), "storeId": id(e.StoreA1.ID)}})
			requireCode(t, r, "STORE_CLOSED")
			for cartID, rev := range revisions {
				require.Equal(t, rev, e.row(cartID).Revision, "%s: the cart did not change", why)
			}
			// Another tenant's store sells on.
			e.add(e.Shop(testenv.Anonymous, hostB1), bCart.ID, e.Variants["gadget"], 1)
		}
		revisions = map[string]int{guestCart.ID: e.row(guestCart.ID).Revision, ownCart.ID: e.row(ownCart.ID).Revision}

		for _, s := range []store.Status{store.StatusMaintenance, store.StatusInactive} {
			e.setStoreStatus(&s, e.StoreA1.ID)
			refused(string(s))
		}
		active := store.StatusActive
		e.setStoreStatus(&active, e.StoreA1.ID)
		for _, s := range []tenant.Status{tenant.StatusSuspended, tenant.StatusInactive} {
			e.SetTenantStatus(t, e.TenantA.ID, s)
			refused(string(s))
		}
		e.SetTenantStatus(t, e.TenantA.ID, tenant.StatusActive)
		guestCart = e.add(guest, guestCart.ID, thobe, 1)
		require.Equal(t, 2, guestCart.Items[0].Quantity, "open again, the cart changes")
	})
}
