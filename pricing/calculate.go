package pricing

import (
	"context"

	"github.com/dakkah/cityos/access"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/viewer"
)

// pick chooses the price a buyer pays in currency: the region's own price when there is
// one, else the variant's price in the currency for every region.
func pick(prices []*ent.Price, regionID *int, currency string) *ent.Price {
	var plain *ent.Price
	for _, p := range prices {
		switch {
		case p.CurrencyCode != currency:
		case p.RegionID == nil:
			if plain == nil {
				plain = p
			}
		case regionID != nil && *p.RegionID == *regionID:
			return p
		}
	}
	return plain
}

// Choose is the price a buyer pays in currency among prices (see pick), and whether there
// is one.
func Choose(prices []*ent.Price, regionID *int, currency string) (Money, bool) {
	p := pick(prices, regionID, currency)
	if p == nil {
		return Money{}, false
	}
	return Money{Amount: p.Amount, CurrencyCode: p.CurrencyCode}, true
}

// MayListPrices says whether the caller sees every price of v: the staff of its tenant do;
// anybody else (another tenant's staff browsing a storefront included) sees the price a
// Basis picks only.
func MayListPrices(ctx context.Context, v *ent.ProductVariant) bool {
	return access.CanSeeCatalogPrices(viewer.FromContext(ctx), v.TenantID)
}

// VariantPrices are the prices of the variant with id, as the caller may see them.
func (s *Service) VariantPrices(ctx context.Context, variantID int) ([]*ent.Price, error) {
	return s.client.Price.Query().Where(price.VariantID(variantID)).Order(ent.Asc(price.FieldID)).All(ctx)
}

// PricesByVariant loads the prices of many variants in one query, by variant id.
func (s *Service) PricesByVariant(ctx context.Context, variantIDs []int) (map[int][]*ent.Price, error) {
	return s.pricesByVariant(ctx, variantIDs)
}

// PriceTagsByVariant is PricesByVariant reading only what a price shows a shopper or a
// list (its amount, currency and region): a staff list of 50 products reads 300 prices,
// and their timestamps cost more to decode than the rest.
func (s *Service) PriceTagsByVariant(ctx context.Context, variantIDs []int) (map[int][]*ent.Price, error) {
	return s.pricesByVariant(ctx, variantIDs, price.FieldID, price.FieldVariantID, price.FieldCurrencyCode,
		price.FieldAmount, price.FieldRegionID)
}

func (s *Service) pricesByVariant(ctx context.Context, variantIDs []int, fields ...string) (map[int][]*ent.Price, error) {
	q := s.client.Price.Query().Where(price.VariantIDIn(variantIDs...)).Order(ent.Asc(price.FieldID))
	if len(fields) > 0 {
		q.Select(fields...)
	}
	ps, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int][]*ent.Price{}
	for _, p := range ps {
		out[p.VariantID] = append(out[p.VariantID], p)
	}
	return out, nil
}
