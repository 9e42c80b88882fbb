package checkout

import (
	"math/bits"
	"sort"

	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/ent"
)

// How a marketplace order splits into vendor orders (Suborder), to the minor unit:
//
//   - Lines: a vendor's product's lines are its vendor order's; the tenant's own lines stay
//     on the order with no vendor order (the "tenant part").
//   - Shipping: the shopper pays the cart's one shipping option, as the cart showed it.
//     A store prices shipping per vendor when its metadata says "shippingPerVendor": true;
//     the charge is then shared evenly among the parts that have lines (each vendor part,
//     and the tenant part when it has lines), and every vendor order names the shipping
//     method. Otherwise vendor orders carry no shipping (0): it stays the marketplace's.
//   - Tax: the order's tax is computed once on the whole cart (cart.Compute). A part's share
//     is floor(tax × part's taxable / order's taxable), taxable being lines + shipping.
//   - Remainders (of the shipping share and of tax) go to one place, the sink: the tenant
//     part when it has any amount (lines, or the shipping it keeps), else the vendor part
//     with the largest subtotal (the lowest vendor id on a tie). So the vendor orders'
//     totals plus the tenant part make the order's total exactly; only a vendor sink can
//     get more than its exact share, by less than one minor unit per part.

// ShippingPerVendor is the store metadata key saying the store prices shipping per vendor.
const ShippingPerVendor = "shippingPerVendor"

// part is one vendor's share of an order: the indexes of its lines in the plan and its
// amounts. Vendor 0 is the tenant part.
type part struct {
	vendorID int
	lines    []int
	totals   cart.Totals
}

// split divides the plan's lines and the order's totals t by vendor; it answers the
// vendor parts only (ordered by vendor id), nil when no line is a vendor's. The tenant
// part is what remains of t.
func split(items []*ent.LineItem, vendors cart.Vendors, t cart.Totals, inclusive, perVendorShipping bool) []part {
	if len(vendors) == 0 {
		return nil
	}
	byVendor := map[int]*part{}
	tenant := &part{}
	for i, it := range items {
		p := tenant
		if v := vendors[it.VariantID]; v != 0 {
			if p = byVendor[v]; p == nil {
				p = &part{vendorID: v}
				byVendor[v] = p
			}
		}
		p.lines = append(p.lines, i)
		p.totals.Subtotal += it.UnitPrice * int64(it.Quantity) // in bounds: checked by cart.Compute
	}
	if len(byVendor) == 0 {
		return nil
	}
	parts := make([]*part, 0, len(byVendor)+1)
	for _, p := range byVendor {
		parts = append(parts, p)
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].vendorID < parts[j].vendorID })
	if len(tenant.lines) > 0 {
		parts = append(parts, tenant)
	}
	if perVendorShipping {
		share := t.Shipping / int64(len(parts))
		for _, p := range parts {
			p.totals.Shipping = share
		}
	} else {
		tenant.totals.Shipping = t.Shipping
	}
	sink := tenant
	if len(tenant.lines) == 0 && tenant.totals.Shipping == 0 {
		sink = parts[0]
		for _, p := range parts[1:] {
			if p.totals.Subtotal > sink.totals.Subtotal {
				sink = p
			}
		}
	}
	taxable := t.Subtotal + t.Shipping
	var shipped, taxed int64
	for _, p := range parts {
		if p == sink {
			continue
		}
		if taxable > 0 {
			p.totals.Tax = mulDivFloor(t.Tax, p.totals.Subtotal+p.totals.Shipping, taxable)
		}
		shipped += p.totals.Shipping
		taxed += p.totals.Tax
	}
	if sink != tenant || perVendorShipping {
		sink.totals.Shipping = t.Shipping - shipped
	}
	sink.totals.Tax = t.Tax - taxed
	out := make([]part, 0, len(byVendor))
	for _, p := range parts {
		p.totals.Total = p.totals.Subtotal + p.totals.Shipping
		if !inclusive {
			p.totals.Total += p.totals.Tax
		}
		if p != tenant {
			out = append(out, *p)
		}
	}
	return out
}

// mulDivFloor is a × m / d rounded down, for 0 ≤ m ≤ d and a ≥ 0: exact in 128 bits and
// at most a.
func mulDivFloor(a, m, d int64) int64 {
	hi, lo := bits.Mul64(uint64(a), uint64(m))
	q, _ := bits.Div64(hi, lo, uint64(d))
	return int64(q)
}
