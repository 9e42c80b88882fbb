package catalog

import (
	"context"
	"strings"

	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqljson"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/viewer"
)

// ProductsArgs are the arguments of the products query. First and Last are already
// checked against the page cap by the caller.
type ProductsArgs struct {
	After, Before *ent.Cursor
	First, Last   *int
	OrderBy       *ent.ProductOrder
	Where         *ent.ProductWhereInput
	// Prices is the region and currency priceMin and priceMax are in, already checked
	// (see pricing.Service.BasisFor).
	Prices  PriceIn
	StoreID *int
	// VendorID keeps one marketplace vendor's products.
	VendorID *int
	Search   *string
	Tag      *string
	PriceMin *int
	PriceMax *int
}

// Products lists the products the caller asked for. A storefront request sees its
// store's catalog (the privacy policy decides which products that is); staff see their
// catalog, or with StoreID only the products in that store's channels.
func (s *Service) Products(ctx context.Context, a ProductsArgs) (*ent.ProductConnection, error) {
	ps, err := view(ctx, a.StoreID)
	if err != nil {
		return nil, err
	}
	if a.VendorID != nil {
		ps = append(ps, product.VendorID(*a.VendorID))
	}
	if a.Search != nil {
		q := strings.TrimSpace(*a.Search)
		if len(q) > maxSearchLen {
			return nil, apperr.Invalid("search", "search must be at most %d characters", maxSearchLen)
		}
		if q != "" {
			ps = append(ps, product.TitleContainsFold(q))
		}
	}
	if a.Tag != nil {
		tag, err := Text("tag", *a.Tag, maxTagLen)
		if err != nil {
			return nil, err
		}
		ps = append(ps, hasTag(tag))
	}
	if a.PriceMin != nil || a.PriceMax != nil {
		p, err := priceRange(a.Prices, a.PriceMin, a.PriceMax)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return s.client.Product.Query().Where(ps...).
		Paginate(ctx, a.After, a.First, a.Before, a.Last, ent.WithProductOrder(a.OrderBy), ent.WithProductFilter(a.Where.Filter))
}

// ProductByHandle returns the product with handle in the caller's view (see Products),
// or nil when there is none.
func (s *Service) ProductByHandle(ctx context.Context, handle string, storeID *int) (*ent.Product, error) {
	ps, err := view(ctx, storeID)
	if err != nil {
		return nil, err
	}
	q, err := s.client.Product.Query().Where(append(ps, product.Handle(strings.TrimSpace(handle)))...).CollectFields(ctx)
	if err != nil {
		return nil, err
	}
	p, err := q.Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return nil, nil
	case ent.IsNotSingular(err):
		// Handles are unique per tenant; the platform sees every tenant's.
		return nil, apperr.Invalid("storeId", "several tenants have a product with that handle: name the store")
	}
	return p, err
}

// view is the part of the catalog a products query looks at. Tenant scoping is the
// privacy policy's; this only adds the store a staff member asked to look at, and
// refuses a caller who is neither shopping in a store nor staff (a vendor's members are
// staff of its catalog).
func view(ctx context.Context, storeID *int) ([]predicate.Product, error) {
	v := viewer.FromContext(ctx)
	if v.StoreID == 0 && !v.IsStaff() && len(v.Vendors()) == 0 {
		return nil, storefront.NoStore(false)
	}
	var ps []predicate.Product
	if storeID != nil {
		ps = append(ps, product.HasSalesChannelsWith(saleschannel.StoreID(*storeID)))
	}
	return ps, nil
}

// PriceIn is the currency (and region) a price range is in: a region's own price
// counts where there is one, else the price in the currency.
type PriceIn struct {
	RegionID int // 0: no region
	Currency string
}

// hasTag keeps products whose tags (a JSON array) hold tag, on SQLite and PostgreSQL.
func hasTag(tag string) predicate.Product {
	return func(s *sql.Selector) {
		s.Where(sqljson.ValueContains(s.C(product.FieldTags), tag))
	}
}

// priceRange keeps products with a variant whose price in the query's currency lies
// within [min, max]: the variant's price for the region when it has one, else its
// price in the currency.
func priceRange(pc PriceIn, min, max *int) (predicate.Product, error) {
	field := "priceMin"
	if min == nil {
		field = "priceMax"
	}
	if pc.Currency == "" {
		return nil, apperr.Invalid(field, "a price range needs regionId or currencyCode")
	}
	if (min != nil && *min < 0) || (max != nil && *max < 0) {
		return nil, apperr.Invalid(field, "prices are not negative")
	}
	if min != nil && max != nil && *min > *max {
		return nil, apperr.Invalid("priceMax", "priceMax is below priceMin")
	}
	inRange := func(ps ...predicate.Price) []predicate.Price {
		ps = append(ps, price.CurrencyCode(pc.Currency))
		if min != nil {
			ps = append(ps, price.AmountGTE(int64(*min)))
		}
		if max != nil {
			ps = append(ps, price.AmountLTE(int64(*max)))
		}
		return ps
	}
	currencyPrice := productvariant.HasPricesWith(inRange(price.RegionIDIsNil())...)
	if pc.RegionID == 0 {
		return product.HasVariantsWith(currencyPrice), nil
	}
	regional := []predicate.Price{price.RegionID(pc.RegionID), price.CurrencyCode(pc.Currency)}
	return product.HasVariantsWith(productvariant.Or(
		productvariant.HasPricesWith(inRange(price.RegionID(pc.RegionID))...),
		productvariant.And(productvariant.Not(productvariant.HasPricesWith(regional...)), currencyPrice),
	)), nil
}
