package testenv

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/viewer"
)

// Commerce is a small catalog on top of the Fixture, written straight to the database:
// regions in SAR (15% VAT, inclusive) and AED (5%, exclusive) for tenant A and one in
// SAR for B; flat shipping per region; a stock location per tenant; products with one
// variant each, priced in SAR and AED and stocked:
//   - "thobe"      in store A1 only (10 in stock)
//   - "abaya"      in A1 and A2 (3 in stock)
//   - "hijab"      in A2 only (10 in stock)
//   - "draft-oud"  in A1 but a draft (never sold)
//   - "gadget"     tenant B, in B1 (10 in stock)
type Commerce struct {
	*Fixture
	SAR, AED, RegionB           *ent.Region
	ShipSAR, ShipAED, ShipB     *ent.ShippingOption
	LocationA, LocationB        *ent.StockLocation
	ChannelA1, ChannelA2, ChanB *ent.SalesChannel
	Products                    map[string]*ent.Product
	Variants                    map[string]*ent.ProductVariant
}

// NewCommerce builds the fixture and its catalog.
func NewCommerce(t testing.TB, db *DB) *Commerce {
	t.Helper()
	return NewCommerceWith(t, db, Config())
}

// NewCommerceWith is NewCommerce over an API configured with cfg.
func NewCommerceWith(t testing.TB, db *DB, cfg config.Config) *Commerce {
	t.Helper()
	f := NewFixtureWith(t, db, cfg)
	c := &Commerce{Fixture: f, Products: map[string]*ent.Product{}, Variants: map[string]*ent.ProductVariant{}}
	ctx := viewer.SystemContext(context.Background(), "test-commerce")
	cl := db.Client
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("commerce fixture: %v", err)
		}
	}
	channel := func(storeID int) *ent.SalesChannel {
		ch, err := cl.SalesChannel.Query().Where(saleschannel.StoreID(storeID)).First(ctx)
		must(err)
		return ch
	}
	c.ChannelA1, c.ChannelA2, c.ChanB = channel(f.StoreA1.ID), channel(f.StoreA2.ID), channel(f.StoreB1.ID)

	var err error
	c.SAR, err = cl.Region.Create().SetTenantID(f.TenantA.ID).SetName("Saudi Arabia").SetCurrencyCode("SAR").
		SetCountries([]string{"SA"}).SetTaxRateBps(1500).SetTaxInclusive(true).Save(ctx)
	must(err)
	c.AED, err = cl.Region.Create().SetTenantID(f.TenantA.ID).SetName("UAE").SetCurrencyCode("AED").
		SetCountries([]string{"AE"}).SetTaxRateBps(500).SetTaxInclusive(false).Save(ctx)
	must(err)
	c.RegionB, err = cl.Region.Create().SetTenantID(f.TenantB.ID).SetName("KSA").SetCurrencyCode("SAR").
		SetCountries([]string{"SA"}).SetTaxRateBps(1500).SetTaxInclusive(true).Save(ctx)
	must(err)
	c.ShipSAR, err = cl.ShippingOption.Create().SetTenantID(f.TenantA.ID).SetRegionID(c.SAR.ID).SetName("Standard").SetAmount(2500).Save(ctx)
	must(err)
	c.ShipAED, err = cl.ShippingOption.Create().SetTenantID(f.TenantA.ID).SetRegionID(c.AED.ID).SetName("Standard").SetAmount(2000).Save(ctx)
	must(err)
	c.ShipB, err = cl.ShippingOption.Create().SetTenantID(f.TenantB.ID).SetRegionID(c.RegionB.ID).SetName("Standard").SetAmount(3000).Save(ctx)
	must(err)
	c.LocationA, err = cl.StockLocation.Create().SetTenantID(f.TenantA.ID).SetName("Riyadh").Save(ctx)
	must(err)
	c.LocationB, err = cl.StockLocation.Create().SetTenantID(f.TenantB.ID).SetName("Jeddah").Save(ctx)
	must(err)

	add := func(tenantID int, handle string, status product.Status, sar, aed int64, stock int, loc *ent.StockLocation, channels ...*ent.SalesChannel) {
		p, err := cl.Product.Create().SetTenantID(tenantID).SetTitle("The " + handle).SetHandle(handle).SetStatus(status).
			SetThumbnail("https://img.example/" + handle + ".jpg").Save(ctx)
		must(err)
		for _, ch := range channels {
			must(cl.SalesChannel.UpdateOneID(ch.ID).AddProductIDs(p.ID).Exec(ctx))
		}
		v, err := cl.ProductVariant.Create().SetTenantID(tenantID).SetProductID(p.ID).SetTitle("Default").SetSku("SKU-" + handle).Save(ctx)
		must(err)
		must(cl.Price.Create().SetTenantID(tenantID).SetVariantID(v.ID).SetCurrencyCode("SAR").SetAmount(sar).Exec(ctx))
		if aed > 0 {
			must(cl.Price.Create().SetTenantID(tenantID).SetVariantID(v.ID).SetCurrencyCode("AED").SetAmount(aed).Exec(ctx))
		}
		must(cl.InventoryLevel.Create().SetTenantID(tenantID).SetVariantID(v.ID).SetLocationID(loc.ID).SetStockedQuantity(stock).Exec(ctx))
		c.Products[handle], c.Variants[handle] = p, v
	}
	add(f.TenantA.ID, "thobe", product.StatusPublished, 25000, 24000, 10, c.LocationA, c.ChannelA1)
	add(f.TenantA.ID, "abaya", product.StatusPublished, 40000, 39000, 3, c.LocationA, c.ChannelA1, c.ChannelA2)
	add(f.TenantA.ID, "hijab", product.StatusPublished, 5000, 4900, 10, c.LocationA, c.ChannelA2)
	add(f.TenantA.ID, "draft-oud", product.StatusDraft, 90000, 0, 10, c.LocationA, c.ChannelA1)
	add(f.TenantB.ID, "gadget", product.StatusPublished, 10000, 0, 10, c.LocationB, c.ChanB)
	return c
}

// Shop returns headers that shop in a store by its host, as a server-rendered
// storefront forwards it, on top of the principal's credentials.
func (c *Commerce) Shop(principal, host string) Headers {
	h := c.As(principal)
	h["X-Store-Host"] = host
	return h
}
