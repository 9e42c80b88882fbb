package seed

import (
	"fmt"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/stocklocation"
)

// vendorCatalog gives a demo vendor its own stock location and its products, approved
// for the marketplace store st and in its channel, priced in SAR; products that exist
// are left as they are.
func (s *seeder) vendorCatalog(st *ent.Store, v *ent.Vendor, products []vendorProduct) error {
	loc, err := s.c.StockLocation.Query().Where(stocklocation.VendorID(v.ID)).First(s.ctx)
	if ent.IsNotFound(err) {
		loc, err = s.c.StockLocation.Create().SetTenantID(v.TenantID).SetVendorID(v.ID).SetName(v.Name + " store room").Save(s.ctx)
	}
	if err != nil {
		return err
	}
	ch, err := s.c.SalesChannel.Query().Where(saleschannel.StoreID(st.ID)).First(s.ctx)
	if err != nil {
		return err
	}
	for _, p := range products {
		exists, err := s.c.Product.Query().Where(product.TenantID(v.TenantID), product.Handle(p.handle)).Exist(s.ctx)
		if err != nil {
			return err
		}
		if exists {
			continue
		}
		if err := s.vendorProduct(st, ch, loc, v, p); err != nil {
			return err
		}
		s.out.Products++
	}
	return nil
}

func (s *seeder) vendorProduct(st *ent.Store, ch *ent.SalesChannel, loc *ent.StockLocation, v *ent.Vendor, p vendorProduct) error {
	tx, err := s.c.Tx(s.ctx)
	if err != nil {
		return err
	}
	err = func() error {
		d := demoDetails[p.handle]
		pr, err := tx.Product.Create().SetTenantID(v.TenantID).SetVendorID(v.ID).SetHandle(p.handle).SetTitle(p.title).
			SetDescription(demoCopies[p.handle].description).SetImages(demoImages(p.handle)).
			SetSubtitle(d.subtitle).SetProductType(d.kind).SetMaterial(d.material).SetOriginCountry(d.origin).
			SetStatus(product.StatusPublished).SetThumbnail("https://images.dakkah.test/" + p.handle + ".jpg").
			SetReviewStatus(product.ReviewStatusApproved).SetReviewStoreID(st.ID).AddSalesChannelIDs(ch.ID).Save(s.ctx)
		if err != nil {
			return err
		}
		values := p.variants
		if p.option == "" {
			values = []string{"Default"}
		} else if err := tx.ProductOption.Create().SetTenantID(v.TenantID).SetProductID(pr.ID).SetTitle(p.option).SetValues(values).Exec(s.ctx); err != nil {
			return err
		}
		for i, value := range values {
			c := tx.ProductVariant.Create().SetTenantID(v.TenantID).SetProductID(pr.ID).SetTitle(value).SetSku(fmt.Sprintf("%s-%d", p.handle, i+1)).
				SetWeight(d.weight).SetLength(d.length).SetWidth(d.width).SetHeight(d.height)
			if p.option != "" {
				c.SetOptionValues(map[string]string{p.option: value}).SetImages(demoVariantImages(p.handle, value))
			}
			pv, err := c.Save(s.ctx)
			if err != nil {
				return err
			}
			if err := tx.Price.Create().SetTenantID(v.TenantID).SetVariantID(pv.ID).SetCurrencyCode("SAR").SetAmount(p.sar).Exec(s.ctx); err != nil {
				return err
			}
			if err := tx.InventoryLevel.Create().SetTenantID(v.TenantID).SetVariantID(pv.ID).SetLocationID(loc.ID).SetStockedQuantity(p.stock).Exec(s.ctx); err != nil {
				return err
			}
		}
		return nil
	}()
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}
