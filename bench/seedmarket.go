package main

import (
	"context"
	"fmt"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/vendor"
	"github.com/dakkah/cityos/tenancy"
)

// The benchmark marketplace: a marketplace store of the bench tenant whose products
// belong to vendors, each with its own stock location, and the tenant's 10 % commission,
// so the split checkout and the ledger's worker both have their work.
const (
	storeSouq         = "bench-souq"
	marketVendors     = 4
	productsPerVendor = 10
)

func seedMarketplace(ctx context.Context, c *ent.Client, svc *tenancy.Service, tenantID int) error {
	sub, typ := storeSouq, store.StorefrontTypeMarketplace
	st, err := svc.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: tenantID, Handle: storeSouq, Name: storeSouq, Subdomain: &sub, StorefrontType: &typ})
	if err != nil {
		return err
	}
	ch, err := c.SalesChannel.Query().Where(saleschannel.StoreID(st.ID)).Only(ctx)
	if err != nil {
		return err
	}
	if err := c.CommissionRule.Create().SetTenantID(tenantID).SetScope(commissionrule.ScopeTenant).SetBps(1000).Exec(ctx); err != nil {
		return err
	}
	for v := 0; v < marketVendors; v++ {
		handle := fmt.Sprintf("bench-vendor-%d", v)
		ven, err := c.Vendor.Create().SetTenantID(tenantID).SetHandle(handle).SetName(handle).SetStatus(vendor.StatusActive).Save(ctx)
		if err != nil {
			return err
		}
		loc, err := c.StockLocation.Create().SetTenantID(tenantID).SetVendorID(ven.ID).SetName(handle + " warehouse").Save(ctx)
		if err != nil {
			return err
		}
		for i := 0; i < productsPerVendor; i++ {
			if err := seedVendorProduct(ctx, c, tenantID, st.ID, ch.ID, ven, loc.ID, i); err != nil {
				return err
			}
		}
	}
	return nil
}

func seedVendorProduct(ctx context.Context, c *ent.Client, tenantID, storeID, channelID int, v *ent.Vendor, locationID, i int) error {
	handle := fmt.Sprintf("%s-product-%02d", v.Handle, i)
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	err = func() error {
		p, err := tx.Product.Create().SetTenantID(tenantID).SetVendorID(v.ID).SetTitle(handle).SetHandle(handle).
			SetStatus(product.StatusPublished).SetThumbnail("https://img.example/" + handle + ".jpg").
			SetReviewStatus(product.ReviewStatusApproved).SetReviewStoreID(storeID).AddSalesChannelIDs(channelID).Save(ctx)
		if err != nil {
			return err
		}
		pv, err := tx.ProductVariant.Create().SetTenantID(tenantID).SetProductID(p.ID).SetTitle("Default").SetSku(handle).Save(ctx)
		if err != nil {
			return err
		}
		if err := tx.Price.Create().SetTenantID(tenantID).SetVariantID(pv.ID).SetCurrencyCode("SAR").SetAmount(int64(2000 + 35*i)).Exec(ctx); err != nil {
			return err
		}
		return tx.InventoryLevel.Create().SetTenantID(tenantID).SetVariantID(pv.ID).SetLocationID(locationID).SetStockedQuantity(benchStock).Exec(ctx)
	}()
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
