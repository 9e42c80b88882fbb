package access

import (
	"context"
	"errors"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productoption"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/stocklocation"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/viewer"
)

// A vendor's admins keep its catalog: its products, their options, variants and prices,
// its stock locations and the stock of its variants there. Its staff read it only; a
// suspended vendor's members read and do not write. The review of a product and its
// place in a store's sales channels are the tenant's: a vendor only submits.

var errVendorSubmitsOnly = privacy.Denyf("a vendor submits its products for review; the tenant reviews them and puts them in its stores")

// vendorProductWrite decides a vendor member's write to one of its vendor's products;
// anything else (the tenant's own products, other callers) is left to the next rule.
func vendorProductWrite(ctx context.Context, m *ent.ProductMutation) error {
	v := viewer.FromContext(ctx)
	c := m.Client()
	if id, ok := m.ReviewStoreID(); ok {
		if err := checkReviewStore(ctx, m, id); err != nil {
			return err
		}
	}
	var tenantID, vendorID int
	switch {
	case m.Op().Is(ent.OpCreate):
		vid, ok := m.VendorID()
		if !ok {
			return privacy.Skip
		}
		tenantID, _ = m.TenantID()
		if err := checkVendorInTenant(ctx, c, vid, tenantID); err != nil {
			return err
		}
		vendorID = vid
	case m.Op().Is(ent.OpUpdateOne) || m.Op().Is(ent.OpDeleteOne):
		id, _ := m.ID()
		row, err := c.Product.Query().Where(product.ID(id)).
			Select(product.FieldTenantID, product.FieldVendorID).Only(Bypass(ctx))
		if err != nil || row.VendorID == nil {
			return privacy.Skip
		}
		tenantID, vendorID = row.TenantID, *row.VendorID
	default:
		return privacy.Skip
	}
	if !contains(v.Vendors(), vendorID) {
		return privacy.Skip
	}
	if err := vendorMayWrite(ctx, c, v, tenantID, vendorID); err != nil {
		return err
	}
	if len(m.SalesChannelsIDs()) > 0 || len(m.RemovedSalesChannelsIDs()) > 0 || m.SalesChannelsCleared() {
		return errVendorSubmitsOnly
	}
	if _, ok := m.ReviewNote(); ok || m.ReviewNoteCleared() {
		return errVendorSubmitsOnly
	}
	// A new product starts unsubmitted (the field's default is set before the policy runs).
	if s, ok := m.ReviewStatus(); ok && s != product.ReviewStatusPending &&
		!(m.Op().Is(ent.OpCreate) && s == product.ReviewStatusNotSubmitted) {
		return errVendorSubmitsOnly
	}
	return privacy.Allow
}

// checkReviewStore refuses a review store of another tenant than the product's.
func checkReviewStore(ctx context.Context, m *ent.ProductMutation, storeID int) error {
	tenantID, ok := m.TenantID()
	if !ok {
		id, _ := m.ID()
		row, err := m.Client().Product.Query().Where(product.ID(id)).Select(product.FieldTenantID).Only(Bypass(ctx))
		if err != nil {
			return privacy.Skip // not found: the next rules decide
		}
		tenantID = row.TenantID
	}
	return checkStoreInTenant(ctx, m.Client(), storeID, tenantID)
}

// vendorMayWrite lets the vendor's admins write its catalog while their tenant is
// writable and the vendor active; its staff read only.
func vendorMayWrite(ctx context.Context, c *ent.Client, v *viewer.Viewer, tenantID, vendorID int) error {
	if !contains(v.VendorsWithRole(viewer.RoleVendorAdmin), vendorID) {
		return privacy.Denyf("a vendor's staff read its catalog; its admins change it")
	}
	if err := decideVendorWrite(ctx, c, v, tenantID, vendorID, viewer.RoleVendorAdmin); !errors.Is(err, privacy.Allow) {
		return err
	}
	return nil
}

// vendorPartWrite decides a vendor member's write to an option, variant, price or stock
// level of its vendor's products (stock only at its own locations). Rows of the tenant's
// own products are left to the next rule.
func vendorPartWrite(ctx context.Context, m ent.Mutation) error {
	v := viewer.FromContext(ctx)
	if len(v.Vendors()) == 0 {
		return privacy.Skip
	}
	if m.Op().Is(ent.OpUpdate) || m.Op().Is(ent.OpDelete) {
		if len(v.AdminTenants()) > 0 {
			return privacy.Skip
		}
		return vendorPartFilter(ctx, m, v)
	}
	c := m.(interface{ Client() *ent.Client }).Client()
	productID, locationID, err := partScope(ctx, c, m)
	if err != nil {
		return privacy.Skip // no such row: the next rules decide (NOT_FOUND)
	}
	p, err := c.Product.Query().Where(product.ID(productID)).Select(product.FieldTenantID, product.FieldVendorID).Only(Bypass(ctx))
	if err != nil || p.VendorID == nil || !contains(v.Vendors(), *p.VendorID) {
		return privacy.Skip
	}
	if err := vendorMayWrite(ctx, c, v, p.TenantID, *p.VendorID); err != nil {
		return err
	}
	if locationID != 0 {
		loc, err := c.StockLocation.Query().Where(stocklocation.ID(locationID)).Select(stocklocation.FieldVendorID).Only(Bypass(ctx))
		if err != nil || loc.VendorID == nil || *loc.VendorID != *p.VendorID {
			return privacy.Denyf("a vendor keeps stock of its products at its own stock locations only")
		}
	}
	return privacy.Allow
}

// partScope finds the product a part mutation of one row is about and, for a stock
// level, its location.
func partScope(ctx context.Context, c *ent.Client, m ent.Mutation) (productID, locationID int, err error) {
	bp := Bypass(ctx)
	variantProduct := func(id int) (int, error) {
		pv, err := c.ProductVariant.Query().Where(productvariant.ID(id)).Select(productvariant.FieldProductID).Only(bp)
		if err != nil {
			return 0, err
		}
		return pv.ProductID, nil
	}
	switch m := m.(type) {
	case *ent.ProductOptionMutation:
		if id, ok := m.ProductID(); ok {
			return id, 0, nil
		}
		id, _ := m.ID()
		o, err := c.ProductOption.Query().Where(productoption.ID(id)).Select(productoption.FieldProductID).Only(bp)
		if err != nil {
			return 0, 0, err
		}
		return o.ProductID, 0, nil
	case *ent.ProductVariantMutation:
		if id, ok := m.ProductID(); ok {
			return id, 0, nil
		}
		id, _ := m.ID()
		productID, err = variantProduct(id)
		return productID, 0, err
	case *ent.PriceMutation:
		vid, ok := m.VariantID()
		if !ok {
			id, _ := m.ID()
			pr, err := c.Price.Query().Where(price.ID(id)).Select(price.FieldVariantID).Only(bp)
			if err != nil {
				return 0, 0, err
			}
			vid = pr.VariantID
		}
		productID, err = variantProduct(vid)
		return productID, 0, err
	case *ent.InventoryLevelMutation:
		vid, ok := m.VariantID()
		loc, _ := m.LocationID()
		if !ok {
			id, _ := m.ID()
			l, err := c.InventoryLevel.Query().Where(inventorylevel.ID(id)).
				Select(inventorylevel.FieldVariantID, inventorylevel.FieldLocationID).Only(bp)
			if err != nil {
				return 0, 0, err
			}
			vid, loc = l.VariantID, l.LocationID
		}
		productID, err = variantProduct(vid)
		return productID, loc, err
	}
	return 0, 0, privacy.Denyf("no product rule for %T", m)
}

// vendorPartFilter confines a bulk change of parts (deleting a product's options,
// variants, prices and levels) to the products of the vendors the viewer may write.
func vendorPartFilter(ctx context.Context, m ent.Mutation, v *viewer.Viewer) error {
	c := m.(interface{ Client() *ent.Client }).Client()
	ids, err := writableVendors(ctx, c, v)
	if err != nil {
		return err
	}
	mine := product.VendorIDIn(ids...)
	return privacy.FilterFunc(func(_ context.Context, f privacy.Filter) error {
		switch f := f.(type) {
		case *ent.ProductOptionFilter:
			f.WhereHasProductWith(mine)
		case *ent.ProductVariantFilter:
			f.WhereHasProductWith(mine)
		case *ent.PriceFilter:
			f.WhereHasVariantWith(productvariant.HasProductWith(mine))
		case *ent.InventoryLevelFilter:
			f.WhereHasVariantWith(productvariant.HasProductWith(mine))
			f.WhereHasLocationWith(stocklocation.VendorIDIn(ids...))
		default:
			return privacy.Denyf("no product rule for %T", f)
		}
		return privacy.Allow
	}).EvalMutation(ctx, m)
}

// writableVendors are the vendors whose catalog the viewer may change now: it is their
// admin, their tenant is writable and they are active.
func writableVendors(ctx context.Context, c *ent.Client, v *viewer.Viewer) ([]int, error) {
	var ids []int
	for _, g := range v.Grants {
		if g.Role == viewer.RoleVendorAdmin && !g.ReadOnly {
			ids = append(ids, g.VendorID)
		}
	}
	if len(ids) > 0 {
		var err error
		ids, err = c.Vendor.Query().Where(vendor.IDIn(ids...), vendor.StatusEQ(vendor.StatusActive)).IDs(Bypass(ctx))
		if err != nil {
			return nil, err
		}
	}
	if len(ids) == 0 {
		return nil, privacy.Denyf("this caller may not change the vendor's catalog (staff read it; a suspended vendor's members read only)")
	}
	return ids, nil
}

// vendorLocationWrite: a vendor's admins create stock locations of their vendor; its
// locations are otherwise the tenant's admins' to change.
func vendorLocationWrite(ctx context.Context, m *ent.StockLocationMutation) error {
	v := viewer.FromContext(ctx)
	if !m.Op().Is(ent.OpCreate) {
		return privacy.Skip
	}
	vid, ok := m.VendorID()
	if !ok || !contains(v.Vendors(), vid) {
		return privacy.Skip
	}
	t, _ := m.TenantID()
	if err := checkVendorInTenant(ctx, m.Client(), vid, t); err != nil {
		return err
	}
	if err := vendorMayWrite(ctx, m.Client(), v, t, vid); err != nil {
		return err
	}
	return privacy.Allow
}
