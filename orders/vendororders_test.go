package orders_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/suborder"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/testenv"
)

const subFields = `id vendorID status fulfillmentStatus total refundedTotal customerName
  shippingAddress { city } items { sku } fulfillments { id }`

type subView struct {
	ID, VendorID, Status, FulfillmentStatus string
	Total, RefundedTotal                    int64
	CustomerName                            *string
	ShippingAddress                         *struct{ City string }
	Items                                   []struct{ Sku string }
	Fulfillments                            []struct{ ID string }
}

// vendorOrders lists the vendor orders h sees.
func vendorOrders(t *testing.T, m *testenv.Marketplace, h testenv.Headers) []subView {
	t.Helper()
	var out struct {
		Suborders struct{ Edges []struct{ Node subView } }
	}
	m.API.MustDo(t, h, `{ suborders(first: 50) { edges { node { `+subFields+` } } } }`, nil).Decode(t, &out)
	var subs []subView
	for _, e := range out.Suborders.Edges {
		subs = append(subs, e.Node)
	}
	return subs
}

// subDo runs a vendor order mutation; it answers the vendor order or the error code.
func subDo(t *testing.T, m *testenv.Marketplace, h testenv.Headers, mutation string, id int) (subView, string) {
	t.Helper()
	r := m.API.Do(t, h, `mutation($id: ID!) { `+mutation+`(id: $id) { `+subFields+` } }`, map[string]any{"id": strconv.Itoa(id)})
	if len(r.Errors) > 0 {
		return subView{}, r.Code()
	}
	var out map[string]subView
	r.Decode(t, &out)
	return out[mutation], ""
}

func partOf(t *testing.T, db *testenv.DB, o *ent.Order, v *ent.Vendor) *ent.Suborder {
	t.Helper()
	so, err := db.Client.Suborder.Query().Where(suborder.OrderID(o.ID), suborder.VendorID(v.ID)).Only(ct.Sys())
	require.NoError(t, err)
	return so
}

func fulfilment(t *testing.T, db *testenv.DB, o *ent.Order) order.FulfillmentStatus {
	t.Helper()
	return db.Client.Order.GetX(ct.Sys(), o.ID).FulfillmentStatus
}

// Each vendor sees and fulfils its own vendor order, with the name and address it ships
// to; the order is fulfilled, shipped and delivered only when all its parts are.
func TestVendorsFulfilTheirOwn(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		m := testenv.NewMarketplace(t, db)
		o := place(t, m.Commerce, ct.Cart{Items: []ct.Item{ct.Of("thobe", 1), ct.Of("lamp", 2), ct.Of("rug", 1)}})
		v1, v2 := partOf(t, db, o, m.V1), partOf(t, db, o, m.V2)
		admin := m.As(testenv.TenantAdminA)

		mine := vendorOrders(t, m, m.AdminV1)
		require.Len(t, mine, 1, "V1 sees its own vendor order only")
		assert.Equal(t, strconv.Itoa(v1.ID), mine[0].ID)
		assert.Equal(t, "Noura Saleh", *mine[0].CustomerName)
		assert.Equal(t, "Riyadh", mine[0].ShippingAddress.City)
		assert.Equal(t, []struct{ Sku string }{{"SKU-lamp"}}, mine[0].Items, "its own lines, not the order's")
		require.Len(t, vendorOrders(t, m, m.AdminV2), 1)
		assert.Len(t, vendorOrders(t, m, admin), 2, "the tenant's admin sees both")
		assert.Empty(t, vendorOrders(t, m, m.As(testenv.TenantAdminB)), "another tenant sees none")
		// A vendor never reaches the order itself, nor the tenant's customers.
		r := m.API.Do(t, m.AdminV1, `{ orders(first: 5) { edges { node { id } } } }`, nil)
		assert.True(t, len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"id":"`+strconv.Itoa(o.ID)+`"`), "V1 lists no order: %s", r.Data)

		for _, h := range []testenv.Headers{m.AdminV1, m.StaffV1, m.As(testenv.TenantAdminB), m.As(testenv.SecretB)} {
			_, code := subDo(t, m, h, "fulfillVendorOrder", v2.ID)
			assert.Equal(t, "NOT_FOUND", code, "another vendor's or tenant's vendor order")
		}
		got, code := subDo(t, m, m.StaffV1, "fulfillVendorOrder", v1.ID)
		require.Empty(t, code)
		assert.Equal(t, "fulfilled", got.FulfillmentStatus)
		assert.Len(t, got.Fulfillments, 1)
		assert.Equal(t, order.FulfillmentStatusNotFulfilled, fulfilment(t, db, o), "V2 and the tenant's lines are not")

		_, code = subDo(t, m, m.AdminV2, "fulfillVendorOrder", v2.ID)
		require.Empty(t, code)
		assert.Equal(t, order.FulfillmentStatusNotFulfilled, fulfilment(t, db, o))
		must(t, m.Commerce, admin, "createFulfillment", o.ID, "")
		assert.Equal(t, order.FulfillmentStatusFulfilled, fulfilment(t, db, o), "every part fulfilled")

		lampBefore := ct.Stock(t, m.Commerce, "lamp")
		_, code = subDo(t, m, m.AdminV1, "shipVendorOrder", v1.ID)
		require.Empty(t, code)
		lamp, thobe := ct.Stock(t, m.Commerce, "lamp"), ct.Stock(t, m.Commerce, "thobe")
		assert.Equal(t, lampBefore.StockedQuantity-2, lamp.StockedQuantity, "V1's units left")
		assert.Zero(t, lamp.ReservedQuantity)
		assert.Equal(t, 1, thobe.ReservedQuantity, "the tenant's are still held")
		assert.Equal(t, order.FulfillmentStatusFulfilled, fulfilment(t, db, o))

		_, code = subDo(t, m, m.AdminV2, "shipVendorOrder", v2.ID)
		require.Empty(t, code)
		must(t, m.Commerce, admin, "markShipped", o.ID, "")
		assert.Equal(t, order.FulfillmentStatusShipped, fulfilment(t, db, o))
		assert.Zero(t, ct.Stock(t, m.Commerce, "thobe").ReservedQuantity)

		// A suspended vendor's staff read its vendor orders but change nothing.
		require.NoError(t, db.Client.Vendor.UpdateOneID(m.V1.ID).SetStatus(vendor.StatusSuspended).Exec(ct.Sys()))
		_, code = subDo(t, m, m.StaffV1, "deliverVendorOrder", v1.ID)
		assert.Equal(t, "FORBIDDEN", code)
		assert.Len(t, vendorOrders(t, m, m.StaffV1), 1)
		// The tenant delivers for it; the order is delivered with its last part.
		_, code = subDo(t, m, admin, "deliverVendorOrder", v1.ID)
		require.Empty(t, code)
		_, code = subDo(t, m, m.AdminV2, "deliverVendorOrder", v2.ID)
		require.Empty(t, code)
		assert.Equal(t, order.FulfillmentStatusShipped, fulfilment(t, db, o))
		must(t, m.Commerce, admin, "markDelivered", o.ID, "")
		assert.Equal(t, order.FulfillmentStatusDelivered, fulfilment(t, db, o))
		assert.Equal(t, []string{"vendor_order.created", "vendor_order.fulfilled", "vendor_order.shipped", "vendor_order.delivered"},
			partEvents(t, db, v1.ID))
	})
}
