// Package inventory keeps stock: locations, levels per variant and location, and the
// reservations orders hold. A reservation never takes more than is available.
package inventory

// StockLocationInput is a place stock is kept.
type StockLocationInput struct {
	TenantID int
	// VendorID makes the location a marketplace vendor's (its admins create it so).
	VendorID *int
	Name     string
}
