// Package snapshot holds a cart as it was frozen for a decision that comes later: an
// approval request (the order is placed from it, at its prices, once approved) or a quote
// (staff answer its lines with prices of their own). It knows nothing of the database.
package snapshot

// Line is one line of a frozen cart: what the shopper asked for at the price it had.
type Line struct {
	// ID numbers the line within its snapshot (1, 2, …): quotes answer lines by it.
	ID        int    `json:"id"`
	VariantID int    `json:"variant_id"`
	Title     string `json:"title"`
	Sku       string `json:"sku"`
	Quantity  int    `json:"quantity"`
	UnitPrice int64  `json:"unit_price"`
	// VendorID is the marketplace vendor selling the line, if any.
	VendorID *int `json:"vendor_id,omitempty"`
	// QuotedUnitPrice is the price staff offered for the line (quotes only).
	QuotedUnitPrice *int64 `json:"quoted_unit_price,omitempty"`
}

// Price is what the line costs per unit: the quoted price once there is one.
func (l Line) Price() int64 {
	if l.QuotedUnitPrice != nil {
		return *l.QuotedUnitPrice
	}
	return l.UnitPrice
}

// Terms are the rest of what the frozen cart's order is placed with: its shipping, and
// how its tax and shipping split among marketplace vendors.
type Terms struct {
	ShippingOptionID  int    `json:"shipping_option_id"`
	ShippingMethod    string `json:"shipping_method"`
	ShippingAmount    int64  `json:"shipping_amount"`
	TaxInclusive      bool   `json:"tax_inclusive"`
	ShippingPerVendor bool   `json:"shipping_per_vendor,omitempty"`
}
