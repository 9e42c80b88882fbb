package checkout

import (
	"context"
	"sort"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/snapshot"
)

// plan is what a cart needs to become an order: its lines, its region's tax and its
// shipping option, and the totals they make.
type plan struct {
	items    []*ent.LineItem // ordered by variant
	shipping *ent.ShippingOption
	totals   cart.Totals
	// parts are the vendor orders to write (see split); nil when no line is a vendor's.
	parts []part
	// terms are what an approval request freezes besides the lines (see planFrom).
	terms snapshot.Terms
	// buyer is the company the order is for, on a b2b store (see buyerOf); nil otherwise.
	buyer *buyer
	// approval is the approved request the order is placed from (see Approve): its held
	// cart is completed and the units reserved for it move to the order.
	approval *ent.ApprovalRequest
	// approved says a company admin let the order pass the buyer's limit (an approved
	// request, a quote an admin accepted): it is not counted against it again.
	approved bool
	// held says the order is placed from the request or quote that holds the cart
	// (Approve, AcceptQuote): the hold is what lets it complete the cart.
	held bool
}

// plan checks the cart is ready to complete, naming the first missing field, and
// computes its totals. Its store must still take orders and its lines must be as the
// catalog sells them now (see cart.Service.Refresh): checked here, at completion, not
// only when the cart was made or changed.
func (s *Service) plan(ctx context.Context, c *ent.Cart) (*plan, error) {
	vendors, err := s.carts.Refresh(ctx, c)
	if err != nil {
		return nil, err
	}
	items := append([]*ent.LineItem(nil), c.Edges.Items...)
	switch {
	case len(items) == 0:
		return nil, apperr.Invalid("items", "the cart has no items")
	case c.Email == "":
		return nil, apperr.Invalid("email", "the cart needs an email")
	case c.ShippingAddress == nil:
		return nil, apperr.Invalid("shippingAddress", "the cart needs a shipping address")
	case c.ShippingOptionID == nil:
		return nil, apperr.Invalid("shippingMethod", "the cart needs a shipping method")
	}
	if err := c.ShippingAddress.Validate("shippingAddress"); err != nil {
		return nil, err
	}
	// Reference data the cart names (see pricing.Service.RegionOf).
	region, err := s.carts.Region(ctx, c)
	if err != nil {
		return nil, err
	}
	so, err := s.carts.ShippingMethod(ctx, c)
	if ent.IsNotFound(err) || (err == nil && (so.RegionID != c.RegionID || so.TenantID != c.TenantID)) {
		return nil, apperr.Invalid("shippingMethod", "the shipping method is not offered in the cart's region")
	}
	if err != nil {
		return nil, err
	}
	if region.CurrencyCode != c.CurrencyCode {
		return nil, apperr.Invalid("currencyCode", "the cart's currency is not its region's")
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].VariantID < items[j].VariantID })
	lines := make([]cart.Line, len(items))
	for i, it := range items {
		lines[i] = cart.Line{UnitPrice: it.UnitPrice, Quantity: it.Quantity}
	}
	totals, err := cart.Compute(lines, so.Amount, region.TaxRateBps, region.TaxInclusive)
	if err != nil {
		return nil, apperr.Invalid("items", "the cart's total passes %d, the most an order may be", cart.MaxTotal)
	}
	p := &plan{items: items, shipping: so, totals: totals, terms: snapshot.Terms{
		ShippingOptionID: so.ID, ShippingMethod: so.Name, ShippingAmount: so.Amount, TaxInclusive: region.TaxInclusive,
	}}
	if len(vendors) > 0 { // a marketplace cart: the store's one extra read
		st, err := cart.Store(ctx, c)
		if err != nil {
			return nil, err
		}
		p.terms.ShippingPerVendor, _ = st.Metadata[ShippingPerVendor].(bool)
		p.parts = split(items, vendors, totals, region.TaxInclusive, p.terms.ShippingPerVendor)
	}
	return p, nil
}

// planFrom is the plan frozen in approval request r: its lines at their prices, its
// totals, its shipping and vendor parts, as the buyer checked out.
func planFrom(r *ent.ApprovalRequest) *plan {
	items := make([]*ent.LineItem, len(r.Lines))
	var vendors cart.Vendors
	for i, l := range r.Lines {
		items[i] = &ent.LineItem{VariantID: l.VariantID, Title: l.Title, Sku: l.Sku, Quantity: l.Quantity, UnitPrice: l.UnitPrice}
		if l.VendorID != nil {
			if vendors == nil {
				vendors = cart.Vendors{}
			}
			vendors[l.VariantID] = *l.VendorID
		}
	}
	totals := cart.Totals{Subtotal: r.Subtotal, Shipping: r.ShippingTotal, Tax: r.TaxTotal, Total: r.Total}
	return &plan{
		items: items, totals: totals, terms: r.Terms, approval: r, held: true, approved: true,
		shipping: &ent.ShippingOption{ID: r.Terms.ShippingOptionID, Name: r.Terms.ShippingMethod, Amount: r.Terms.ShippingAmount},
		parts:    split(items, vendors, totals, r.Terms.TaxInclusive, r.Terms.ShippingPerVendor),
	}
}
