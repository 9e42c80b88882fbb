package seed

import (
	"fmt"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/region"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/shippingoption"
	"github.com/dakkah/cityos/ent/stocklocation"
)

// demoProduct is a product of the demo catalog: its variants are the values of its one
// option. Prices are SAR minor units; the AED price is derived. stores are store handles
// whose channels sell it. Its description and images are in demoCopies.
type demoProduct struct {
	handle, title, option string
	variants              []string
	sar                   int64
	stock                 int
	stores                []string
}

// LimitedStock is how many units each store's limited edition has, so "only 5 left" shows.
const LimitedStock = 5

var demoCatalog = map[string][]demoProduct{
	"saudi-marketplace": {
		{"classic-white-thobe", "Classic White Thobe", "Size", []string{"S", "M", "L"}, 24900, 100, []string{"saudi-traditional", Wholesale}},
		{"embroidered-abaya", "Embroidered Abaya", "Size", []string{"52", "54", "56"}, 45000, 100, []string{"saudi-traditional"}},
		{"royal-oud-oil-traditional", "Royal Oud Oil", "Volume", []string{"3 ml"}, 32000, 100, []string{"saudi-traditional"}},
		// Sold in two stores: channel filtering can be seen.
		{"velvet-prayer-mat", "Velvet Prayer Mat", "Colour", []string{"Green", "Burgundy"}, 12000, 100, []string{"saudi-traditional", "home-decor"}},
		{"najdi-heritage-thobe", "Najdi Heritage Thobe — Limited Edition", "Size", []string{"M"}, 89000, LimitedStock, []string{"saudi-traditional"}},

		{"contemporary-abaya", "Contemporary Abaya", "Size", []string{"S", "M", "L"}, 38000, 100, []string{"modern-fashion"}},
		{"modern-hijab", "Modern Jersey Hijab", "Colour", []string{"Sand", "Navy", "Blush"}, 6500, 100, []string{"modern-fashion"}},
		{"designer-capsule-abaya", "Designer Capsule Abaya — Limited Edition", "Size", []string{"M"}, 120000, LimitedStock, []string{"modern-fashion"}},

		{"arabesque-wall-art", "Arabesque Wall Art", "Width", []string{"60 cm", "90 cm"}, 54000, 100, []string{"home-decor"}},
		{"brass-lantern", "Brass Lantern", "Size", []string{"Small", "Large"}, 18000, 100, []string{"home-decor"}},
		{"calligraphy-vase", "Calligraphy Vase — Limited Edition", "Size", []string{"One size"}, 76000, LimitedStock, []string{"home-decor"}},

		{"cambodian-oud-oil", "Cambodian Oud Oil", "Volume", []string{"3 ml", "6 ml"}, 42000, 100, []string{"oud-perfumes"}},
		{"bakhoor-blend", "Bakhoor Blend", "Weight", []string{"50 g", "100 g"}, 9500, 100, []string{"oud-perfumes", Wholesale}},
		{"taifi-rose-fragrance", "Taifi Rose Fragrance", "Volume", []string{"50 ml", "100 ml"}, 27500, 100, []string{"oud-perfumes"}},
		{"royal-oud-reserve", "Royal Oud Reserve — Limited Edition", "Volume", []string{"3 ml"}, 250000, LimitedStock, []string{"oud-perfumes"}},

		{"ajwa-dates", "Ajwa Dates", "Weight", []string{"500 g", "1 kg"}, 8900, 100, []string{"dates-coffee", Wholesale}},
		{"khawlani-coffee", "Khawlani Coffee", "Weight", []string{"250 g", "500 g"}, 7500, 100, []string{"dates-coffee", Wholesale}},
		{"sukkari-gift-box", "Sukkari Gift Box — Limited Edition", "Weight", []string{"1 kg"}, 29000, LimitedStock, []string{"dates-coffee"}},
	},
	"gulf-goods": {
		{"wireless-earbuds", "Wireless Earbuds", "Colour", []string{"Black", "White"}, 39900, 100, []string{"gulf-electronics"}},
		{"smart-watch-falcon", "Falcon Smart Watch — Limited Edition", "Case size", []string{"44 mm"}, 149900, LimitedStock, []string{"gulf-electronics"}},
	},
}

// commerce adds regions, shipping, stock and the demo catalog to a tenant. Existing
// rows (found by name or handle) are kept.
func (s *seeder) commerce(t *ent.Tenant, stores map[string]*ent.Store) error {
	regions := []struct {
		name, currency string
		country        string
		bps            int
		inclusive      bool
		shipping       int64
	}{{"Saudi Arabia", "SAR", "SA", 1500, true, 2500}, {"United Arab Emirates", "AED", "AE", 500, false, 2000}}
	for _, r := range regions {
		exists, err := s.c.Region.Query().Where(region.TenantID(t.ID), region.Name(r.name)).Only(s.ctx)
		if ent.IsNotFound(err) {
			exists, err = s.c.Region.Create().SetTenantID(t.ID).SetName(r.name).SetCurrencyCode(r.currency).
				SetCountries([]string{r.country}).SetTaxRateBps(r.bps).SetTaxInclusive(r.inclusive).Save(s.ctx)
		}
		if err != nil {
			return err
		}
		n, err := s.c.ShippingOption.Query().Where(shippingoption.RegionID(exists.ID)).Count(s.ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			for _, o := range []struct {
				name   string
				amount int64
			}{{"Standard", r.shipping}, {"Express", r.shipping * 2}} {
				if err := s.c.ShippingOption.Create().SetTenantID(t.ID).SetRegionID(exists.ID).SetName(o.name).SetAmount(o.amount).Exec(s.ctx); err != nil {
					return err
				}
			}
		}
	}
	loc, err := s.c.StockLocation.Query().Where(stocklocation.TenantID(t.ID)).First(s.ctx)
	if ent.IsNotFound(err) {
		loc, err = s.c.StockLocation.Create().SetTenantID(t.ID).SetName("Main warehouse").Save(s.ctx)
	}
	if err != nil {
		return err
	}
	channels := map[string]int{}
	for handle, st := range stores {
		ch, err := s.c.SalesChannel.Query().Where(saleschannel.StoreID(st.ID)).First(s.ctx)
		if ent.IsNotFound(err) { // a store made before stores had channels of their own
			ch, err = s.c.SalesChannel.Create().SetTenantID(t.ID).SetStoreID(st.ID).SetName(st.Name).Save(s.ctx)
		}
		if err != nil {
			return err
		}
		channels[handle] = ch.ID
	}
	for _, p := range demoCatalog[t.Handle] {
		if err := s.product(t.ID, loc.ID, channels, p); err != nil {
			return fmt.Errorf("product %s: %w", p.handle, err)
		}
	}
	return s.limitedEditions(t)
}

func (s *seeder) product(tenantID, locationID int, channels map[string]int, p demoProduct) error {
	exists, err := s.c.Product.Query().Where(product.TenantID(tenantID), product.Handle(p.handle)).Exist(s.ctx)
	if err != nil || exists {
		return err
	}
	tx, err := s.c.Tx(s.ctx)
	if err != nil {
		return err
	}
	err = func() error {
		d := demoDetails[p.handle]
		pr, err := tx.Product.Create().SetTenantID(tenantID).SetHandle(p.handle).SetTitle(p.title).
			SetDescription(demoCopies[p.handle].description).SetImages(demoImages(p.handle)).
			SetSubtitle(d.subtitle).SetProductType(d.kind).SetMaterial(d.material).SetOriginCountry(d.origin).
			SetTags(demoTags[p.handle]).
			SetStatus(product.StatusPublished).SetThumbnail("https://images.dakkah.test/" + p.handle + ".jpg").Save(s.ctx)
		if err != nil {
			return err
		}
		if err := tx.ProductOption.Create().SetTenantID(tenantID).SetProductID(pr.ID).SetTitle(p.option).SetValues(p.variants).Exec(s.ctx); err != nil {
			return err
		}
		for _, store := range p.stores {
			if err := tx.SalesChannel.UpdateOneID(channels[store]).AddProductIDs(pr.ID).Exec(s.ctx); err != nil {
				return err
			}
		}
		for i, v := range p.variants {
			c := tx.ProductVariant.Create().SetTenantID(tenantID).SetProductID(pr.ID).SetTitle(v).
				SetSku(fmt.Sprintf("%s-%d", p.handle, i+1)).SetOptionValues(map[string]string{p.option: v}).
				SetWeight(d.weight).SetLength(d.length).SetWidth(d.width).SetHeight(d.height)
			if images := demoVariantImages(p.handle, v); images != nil {
				c.SetImages(images)
			}
			pv, err := c.Save(s.ctx)
			if err != nil {
				return err
			}
			sar := p.sar + int64(i)*1000
			if err := tx.Price.Create().SetTenantID(tenantID).SetVariantID(pv.ID).SetCurrencyCode("SAR").SetAmount(sar).Exec(s.ctx); err != nil {
				return err
			}
			if err := tx.Price.Create().SetTenantID(tenantID).SetVariantID(pv.ID).SetCurrencyCode("AED").SetAmount(sar * 98 / 100).Exec(s.ctx); err != nil {
				return err
			}
			if err := tx.InventoryLevel.Create().SetTenantID(tenantID).SetVariantID(pv.ID).SetLocationID(locationID).SetStockedQuantity(p.stock).Exec(s.ctx); err != nil {
				return err
			}
		}
		return nil
	}()
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	s.out.Products++
	return tx.Commit()
}
