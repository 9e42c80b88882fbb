// Package inventory keeps stock: locations, levels per variant and location, and the
// reservations orders hold. A reservation never takes more than is available.
package inventory

// StockLocationInput is a place stock is kept.
type StockLocationInput struct {
	TenantID int
	Name     string
}
