package checkout

import (
	"context"

	"github.com/dakkah/cityos/ent"
)

// writeSuborders writes the order's vendor orders (see split) in one statement and marks
// their lines (builders of the order's lines, in plan order) with their vendor and vendor
// order. An order of the tenant's products alone writes nothing.
func writeSuborders(ctx context.Context, tx *ent.Tx, o *ent.Order, p *plan, lines []*ent.OrderLineItemCreate) error {
	if len(p.parts) == 0 {
		return nil
	}
	method := ""
	create := make([]*ent.SuborderCreate, len(p.parts))
	for i, pt := range p.parts {
		if pt.totals.Shipping > 0 {
			method = p.shipping.Name
		} else {
			method = ""
		}
		create[i] = tx.Suborder.Create().SetTenantID(o.TenantID).SetOrderID(o.ID).SetVendorID(pt.vendorID).
			SetStoreID(o.StoreID).SetCurrencyCode(o.CurrencyCode).SetSubtotal(pt.totals.Subtotal).
			SetShippingTotal(pt.totals.Shipping).SetTaxTotal(pt.totals.Tax).SetTotal(pt.totals.Total).
			SetShippingMethod(method)
	}
	subs, err := tx.Suborder.CreateBulk(create...).Save(ctx)
	if err != nil {
		return err
	}
	for i, pt := range p.parts {
		for _, l := range pt.lines {
			lines[l].SetVendorID(pt.vendorID).SetSuborderID(subs[i].ID)
		}
	}
	return nil
}
