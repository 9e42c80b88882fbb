package cart

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/reqcache"
)

// Items returns the cart's lines, oldest first: the ones loaded with it, else read under ctx.
func Items(ctx context.Context, c *ent.Cart) ([]*ent.LineItem, error) {
	if items, err := c.Edges.ItemsOrErr(); err == nil {
		return items, nil
	}
	return c.QueryItems().Order(ent.Asc(lineitem.FieldID)).All(parts(ctx))
}

// parts is the context a cart's own parts (lines, store, region, shipping method) are read
// in. The cart itself was loaded under the caller's policy — holding its token is what
// entitles a shopper to it — so whatever it is made of comes with it, including for a
// caller whose request names no store.
func parts(ctx context.Context) context.Context { return sys(ctx) }

// Store is the cart's store.
func Store(ctx context.Context, c *ent.Cart) (*ent.Store, error) {
	return c.QueryStore().Only(parts(ctx))
}

// Region is the cart's region (see pricing.Service.RegionOf).
func (s *Service) Region(ctx context.Context, c *ent.Cart) (*ent.Region, error) {
	return s.pricing.RegionOf(ctx, c.RegionID)
}

// ShippingMethod is the cart's chosen shipping option, or nil: the one loaded with the
// cart (setShippingMethod keeps it), else the option it names (see
// pricing.Service.ShippingOptionOf).
func (s *Service) ShippingMethod(ctx context.Context, c *ent.Cart) (*ent.ShippingOption, error) {
	if c.ShippingOptionID == nil {
		return nil, nil
	}
	if o := c.Edges.ShippingOption; o != nil && o.ID == *c.ShippingOptionID {
		return o, nil
	}
	return s.pricing.ShippingOptionOf(ctx, *c.ShippingOptionID)
}

// Summarize computes the cart's totals from its lines' unit prices, its shipping method
// and its region's tax rule. Within one request a cart value is summed once, however
// many of its amounts are asked for.
func (s *Service) Summarize(ctx context.Context, c *ent.Cart) (Totals, error) {
	type key struct{ c *ent.Cart }
	return reqcache.Load(ctx, key{c}, func() (Totals, error) {
		items, err := Items(ctx, c)
		if err != nil {
			return Totals{}, err
		}
		region, err := s.Region(ctx, c)
		if err != nil {
			return Totals{}, err
		}
		var shipping int64
		o, err := s.ShippingMethod(ctx, c)
		if err != nil {
			return Totals{}, err
		}
		if o != nil {
			shipping = o.Amount
		}
		lines := make([]Line, len(items))
		for i, it := range items {
			lines[i] = Line{UnitPrice: it.UnitPrice, Quantity: it.Quantity}
		}
		return Compute(lines, shipping, region.TaxRateBps, region.TaxInclusive)
	})
}

// ItemTotal is a line's unit price times its quantity (see LineTotal).
func ItemTotal(li *ent.LineItem) (int64, error) {
	if t, ok := LineTotal(li.UnitPrice, li.Quantity); ok {
		return t, nil
	}
	return 0, ErrTooLarge
}

// Variant returns the variant a line holds. The line was read under the caller's context,
// so the variant it names is the caller's to see, even if its product has since left the
// store's catalog: the service reads it in its own context.
func Variant(ctx context.Context, li *ent.LineItem) (*ent.ProductVariant, error) {
	if v, err := li.Edges.VariantOrErr(); err == nil {
		return v, nil
	}
	return li.QueryVariant().Only(sys(ctx))
}
