package inbound

import (
	"context"

	"github.com/dakkah/cityos/pricing"
)

// priceSet sets a variant's price: data {sku | variantId, currencyCode, amount (minor
// units), regionId (optional: without it, the price of every region in the currency)}.
type priceSet struct {
	sku, currency       string
	variantID, regionID *int
	amount              int64
}

func parsePriceSet(f fields) (change, error) {
	var c priceSet
	var err error
	if c.sku, c.variantID, err = f.variantRef(); err != nil {
		return nil, err
	}
	if c.currency, err = f.str("currencyCode", true); err != nil {
		return nil, err
	}
	if c.regionID, err = f.id("regionId"); err != nil {
		return nil, err
	}
	n, err := f.count("amount", true)
	if err != nil {
		return nil, err
	}
	c.amount = *n
	return c, nil
}

func (c priceSet) apply(ctx context.Context, a applier) error {
	if a.storeID != nil {
		return errStoreLimited
	}
	v, err := a.variantOf(ctx, c.sku, c.variantID)
	if err != nil {
		return err
	}
	_, err = a.pricing.SetPrice(ctx, pricing.SetPriceInput{VariantID: v.ID, CurrencyCode: c.currency, Amount: c.amount, RegionID: c.regionID})
	return inData(err)
}
