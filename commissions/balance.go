package commissions

import (
	"context"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/commission"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/vendor"
)

// Balance is a vendor's ledger in one currency over [from, until) (zero bounds are open),
// as the caller may see it: the vendor must be visible to the caller (NOT_FOUND
// otherwise), and its lines are read through the privacy policy. Only captured money
// counts: a sale from its capture, a reversal from when it was made (a reversal of a sale
// not yet captured waits with it).
func (s *Service) Balance(ctx context.Context, vendorID int, currency string, from, until time.Time) (commission.Balance, error) {
	if n, err := s.client.Vendor.Query().Where(vendor.ID(vendorID)).Count(ctx); err != nil || n == 0 {
		if err != nil {
			return commission.Balance{}, err
		}
		return commission.Balance{}, apperr.New(apperr.NotFound, "vendor %d not found", vendorID)
	}
	q := s.client.CommissionLine.Query().Where(commissionline.VendorID(vendorID), commissionline.CurrencyCode(currency),
		commissionline.CapturedAtNotNil())
	if !from.IsZero() {
		q.Where(commissionline.CapturedAtGTE(from))
	}
	if !until.IsZero() {
		q.Where(commissionline.CapturedAtLT(until))
	}
	// Summed in the database, one row per kind: a vendor's ledger grows with its sales,
	// and a balance must not read every line into memory.
	var sums []struct {
		Kind       commissionline.Kind `json:"kind"`
		Amount     int64               `json:"amount"`
		Commission int64               `json:"commission"`
	}
	err := q.GroupBy(commissionline.FieldKind).Aggregate(
		ent.As(ent.Sum(commissionline.FieldAmount), "amount"),
		ent.As(ent.Sum(commissionline.FieldCommission), "commission")).Scan(ctx, &sums)
	if err != nil {
		return commission.Balance{}, err
	}
	lines := make([]*ent.CommissionLine, 0, len(sums))
	for _, s := range sums {
		lines = append(lines, &ent.CommissionLine{Kind: s.Kind, VendorID: vendorID, CurrencyCode: currency,
			Amount: s.Amount, Commission: s.Commission})
	}
	b, err := commission.Net(Entries(lines))
	if err != nil {
		return commission.Balance{}, err
	}
	b.Vendor, b.Currency = vendorID, currency
	return b, nil
}

// Entries are ledger lines as package commission sums them: a sale is its gross (Sale)
// and the commission taken (Charge), a reversal the gross refunded (Refund) and the
// commission given back (Reversal), each at the line's capture time.
func Entries(lines []*ent.CommissionLine) []commission.Entry {
	out := make([]commission.Entry, 0, 2*len(lines))
	for _, l := range lines {
		var at time.Time
		if l.CapturedAt != nil {
			at = *l.CapturedAt
		}
		gross, fee := commission.Sale, commission.Charge
		if l.Kind == commissionline.KindReversal {
			gross, fee = commission.Refund, commission.Reversal
		}
		out = append(out,
			commission.Entry{Kind: gross, Vendor: l.VendorID, Currency: l.CurrencyCode, Amount: l.Amount, At: at},
			commission.Entry{Kind: fee, Vendor: l.VendorID, Currency: l.CurrencyCode, Amount: l.Commission, At: at})
	}
	return out
}
