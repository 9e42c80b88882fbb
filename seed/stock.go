package seed

import (
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productvariant"
)

// Limited is a store's limited edition and how many units of it are left: what the demo
// actually leaves, since a run keeps existing rows and earlier orders took some.
type Limited struct {
	Store, Product string
	Left, Of       int
}

// limitedEditions reports the stock left of the tenant's limited editions: stocked minus
// reserved over all locations, as a shopper sees it.
func (s *seeder) limitedEditions(t *ent.Tenant) error {
	for _, p := range demoCatalog[t.Handle] {
		if p.stock != LimitedStock {
			continue
		}
		levels, err := s.c.InventoryLevel.Query().Where(inventorylevel.HasVariantWith(
			productvariant.HasProductWith(product.TenantID(t.ID), product.Handle(p.handle)))).All(s.ctx)
		if err != nil {
			return err
		}
		left := 0
		for _, l := range levels {
			left += max(l.StockedQuantity-l.ReservedQuantity, 0)
		}
		for _, st := range p.stores {
			s.out.Limited = append(s.out.Limited, Limited{Store: st, Product: p.handle, Left: left, Of: p.stock})
		}
	}
	return nil
}
