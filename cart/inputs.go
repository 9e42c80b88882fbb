// Package cart keeps shoppers' carts: line items with price snapshots, addresses, the
// shipping method, and totals computed in minor units.
package cart

// CreateInput is the input of Create.
type CreateInput struct {
	StoreID  *int
	RegionID int
	Email    *string
}
