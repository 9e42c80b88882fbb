package pricing

import (
	"context"
	"strings"

	"github.com/dakkah/cityos/access"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/pricing/productpage"
	"github.com/dakkah/cityos/reqcache"
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

// CalculatedPrice is the price of v for the region (or else currency) the enclosing
// products or productByHandle field was asked for: the region's own price wins over the
// price in its currency. Nil when the field was given neither, when the region is not
// one the caller can see (then currencyCode, if given, decides), or when v has no such
// price. Under a products page, every variant of the page shares one query (see
// package productpage).
func (s *Service) CalculatedPrice(ctx context.Context, v *ent.ProductVariant) (*Money, error) {
	regionID, code := productpage.Args(ctx)
	var currency string
	if code != nil {
		currency = strings.ToUpper(strings.TrimSpace(*code))
	}
	if regionID != nil {
		r, err := s.regionForRequest(ctx, *regionID)
		switch {
		case err == nil:
			currency = r.CurrencyCode
		case ent.IsNotFound(err):
			regionID = nil
		default:
			return nil, err
		}
	}
	if currency == "" {
		return nil, nil
	}
	prices, err := s.variantPrices(ctx, v)
	if err != nil {
		return nil, err
	}
	p := pick(prices, regionID, currency)
	if p == nil {
		return nil, nil
	}
	return &Money{Amount: p.Amount, CurrencyCode: p.CurrencyCode}, nil
}

// VariantPrices lists every price of v for the staff of its tenant, and none for anybody
// else (another tenant's staff browsing a storefront included): shoppers see the
// calculated price only.
func (s *Service) VariantPrices(ctx context.Context, v *ent.ProductVariant) ([]*ent.Price, error) {
	if !access.CanSeeCatalogPrivate(viewer.FromContext(ctx), v.TenantID) {
		return []*ent.Price{}, nil
	}
	prices, err := s.variantPrices(ctx, v)
	if prices == nil && err == nil {
		prices = []*ent.Price{}
	}
	return prices, err
}

type regionKey struct{ id int }

// regionForRequest loads a region once per request, as the caller may see it.
func (s *Service) regionForRequest(ctx context.Context, id int) (*ent.Region, error) {
	return reqcache.Load(ctx, regionKey{id}, func() (*ent.Region, error) { return s.client.Region.Get(ctx, id) })
}

// variantPrices are v's prices, loaded for its whole products page at once.
func (s *Service) variantPrices(ctx context.Context, v *ent.ProductVariant) ([]*ent.Price, error) {
	return productpage.ForVariant(ctx, "prices", v,
		func(ctx context.Context, sc productpage.Scope) (map[int][]*ent.Price, error) {
			q := s.client.Price.Query()
			if len(sc.VariantIDs) > 0 {
				q.Where(price.VariantIDIn(sc.VariantIDs...))
			} else {
				q.Where(price.HasVariantWith(productvariant.ProductIDIn(sc.ProductIDs...)))
			}
			ps, err := q.Order(ent.Asc(price.FieldID)).All(ctx)
			if err != nil {
				return nil, err
			}
			out := map[int][]*ent.Price{}
			for _, p := range ps {
				out[p.VariantID] = append(out[p.VariantID], p)
			}
			return out, nil
		},
		func() ([]*ent.Price, error) {
			return s.client.Price.Query().Where(price.VariantID(v.ID)).Order(ent.Asc(price.FieldID)).All(ctx)
		})
}
