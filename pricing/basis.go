package pricing

import (
	"context"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/reqcache"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/viewer"
)

// Basis is the region and currency a catalog read prices in: what a products query's
// regionId and currencyCode arguments come to once checked.
type Basis struct {
	// Region is the region asked for, nil without one.
	Region *ent.Region
	// Currency is the region's currency, or the currency asked for without a region; ""
	// when the read asked for no price.
	Currency string
}

// RegionID is the id of the basis's region, 0 without one.
func (b Basis) RegionID() int {
	if b.Region == nil {
		return 0
	}
	return b.Region.ID
}

// Price is what a buyer pays on this basis among a variant's prices (the region's own
// price wins over the price in its currency), nil without a currency or such a price.
func (b Basis) Price(prices []*ent.Price) *Money {
	if b.Currency == "" {
		return nil
	}
	var region *int
	if b.Region != nil {
		region = &b.Region.ID
	}
	m, ok := Choose(prices, region, b.Currency)
	if !ok {
		return nil
	}
	return &m
}

type regionKey struct{ id int }

// BasisFor checks the region and currency a catalog read prices in, the one rule for
// every field that takes them: the caller shops in a store or is staff; the region is
// one the caller sees (for a storefront, one of the store's tenant); the currency is
// three letters and, with a region, the region's. The region is read once per request,
// as the caller may see it.
func (s *Service) BasisFor(ctx context.Context, regionID *int, currencyCode *string) (Basis, error) {
	var b Basis
	if regionID == nil && currencyCode == nil {
		return b, nil
	}
	v := viewer.FromContext(ctx)
	if v.StoreID == 0 && !v.IsStaff() {
		return b, storefront.NoStore(false)
	}
	if currencyCode != nil {
		c, err := CurrencyCode("currencyCode", strings.ToUpper(strings.TrimSpace(*currencyCode)))
		if err != nil {
			return b, err
		}
		b.Currency = c
	}
	if regionID == nil {
		return b, nil
	}
	r, err := reqcache.Load(ctx, regionKey{*regionID}, func() (*ent.Region, error) {
		return s.client.Region.Get(ctx, *regionID)
	})
	switch {
	case ent.IsNotFound(err):
		return b, apperr.Invalid("regionId", "no such region")
	case err != nil:
		return b, err
	case v.StoreID != 0 && r.TenantID != v.TenantID:
		return b, apperr.Invalid("regionId", "the region is not one of this store's")
	case b.Currency != "" && b.Currency != r.CurrencyCode:
		return b, apperr.Invalid("currencyCode", "the region prices in %s", r.CurrencyCode)
	}
	b.Region, b.Currency = r, r.CurrencyCode
	return b, nil
}
