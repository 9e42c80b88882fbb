// Package pricing holds regions (currency, countries, tax), variant prices, shipping
// options, and the price calculation storefronts show. Money is integer minor units.
package pricing

// Money is an amount in minor units of a currency.
type Money struct {
	Amount       int64
	CurrencyCode string
}

// RegionInput describes a region.
type RegionInput struct {
	TenantID     int
	Name         string
	CurrencyCode string
	Countries    []string
	// TaxRate is a percentage (15 = 15%) with at most two decimals.
	TaxRate      float64
	TaxInclusive bool
}

// SetPriceInput sets a variant's price in a currency, optionally for one region.
type SetPriceInput struct {
	VariantID    int
	CurrencyCode string
	Amount       int64
	RegionID     *int
}

// ShippingOptionInput is a flat-rate shipping option of a region.
type ShippingOptionInput struct {
	RegionID int
	Name     string
	Amount   int64
}
