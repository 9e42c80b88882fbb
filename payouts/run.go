package payouts

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/dakkah/cityos/commission"
	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/payout"
	"github.com/dakkah/cityos/txn"
)

// Report is what a run did.
type Report struct {
	Created, Paid, Failed, Pending int
	// Carried counts vendor balances left unpaid because their net is negative.
	Carried int
}

// Run is one payout run, named by runKey (the scheduled tick): it first sends again the
// payouts an earlier run left pending with a provider that sends (a crash between claim
// and transfer), then makes and sends a payout per vendor and currency that has lines
// due. A run repeated with the same key makes no second payout for a vendor and currency.
func (s *Service) Run(ctx context.Context, runKey string) (Report, error) {
	ctx = system(ctx)
	var rep Report
	var errs []error
	if s.provider.Name() != (Manual{}).Name() {
		stuck, err := s.client.Payout.Query().Where(payout.StatusEQ(payout.StatusPending),
			payout.Provider(s.provider.Name())).Order(payout.ByID()).All(ctx)
		if err != nil {
			return rep, err
		}
		for _, p := range stuck {
			errs = append(errs, s.send(ctx, p, &rep))
		}
	}
	var groups []struct {
		TenantID int    `json:"tenant_id"`
		VendorID int    `json:"vendor_id"`
		Currency string `json:"currency_code"`
	}
	err := s.client.CommissionLine.Query().Where(commissionline.PayoutIDIsNil(), commissionline.CapturedAtNotNil()).
		GroupBy(commissionline.FieldTenantID, commissionline.FieldVendorID, commissionline.FieldCurrencyCode).Scan(ctx, &groups)
	if err != nil {
		return rep, err
	}
	for _, g := range groups {
		p, err := s.settle(ctx, g.TenantID, g.VendorID, g.Currency, runKey, &rep)
		if err != nil {
			errs = append(errs, fmt.Errorf("payouts: vendor %d %s: %w", g.VendorID, g.Currency, err))
			continue
		}
		if p != nil {
			rep.Created++
			errs = append(errs, s.send(ctx, p, &rep))
		}
	}
	return rep, errors.Join(errs...)
}

// errTaken: another run claimed some of the lines first; they are its to pay.
var errTaken = errors.New("payouts: lines claimed by another run")

// settle makes vendorID's payout in currency of the lines due, in one transaction: the
// Payout row, and its lines claimed only while no payout holds them. Nothing is made when
// no line is due or the net is negative (the debt carries forward: the lines stay unpaid
// and count in the next run's net), when this run made it already (run_key), or when
// another run took the lines first.
func (s *Service) settle(ctx context.Context, tenantID, vendorID int, currency, runKey string, rep *Report) (*ent.Payout, error) {
	now := s.now()
	var made *ent.Payout
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		// Refunds and reversals count at once; sales once past the hold (as
		// commission.PayoutAmount counts them, so every line read is settled together).
		lines, err := tx.CommissionLine.Query().Where(commissionline.VendorID(vendorID), commissionline.CurrencyCode(currency),
			commissionline.PayoutIDIsNil(), commissionline.CapturedAtNotNil(),
			commissionline.Or(commissionline.KindEQ(commissionline.KindReversal), commissionline.CapturedAtLTE(now.Add(-s.hold)))).
			All(ctx)
		if err != nil || len(lines) == 0 {
			return err
		}
		due, err := commission.PayoutAmount(commissions.Entries(lines), now, s.hold)
		if err != nil {
			return err
		}
		if len(due.Entries) == 0 {
			rep.Carried++
			return nil
		}
		if len(due.Entries) != 2*len(lines) {
			return fmt.Errorf("payouts: %d of %d entries due: the line filter and commission.PayoutAmount disagree", len(due.Entries), 2*len(lines))
		}
		b := due.Balance
		p, err := tx.Payout.Create().SetTenantID(tenantID).SetVendorID(vendorID).SetCurrencyCode(currency).
			SetAmount(due.Amount).SetGross(b.Gross).SetCommission(b.Commission).SetRefunds(b.Refunds).
			SetCommissionReversed(b.CommissionReversed).SetProvider(s.provider.Name()).SetRunKey(runKey).Save(ctx)
		if err != nil {
			return err
		}
		ids := make([]int, len(lines))
		for i, l := range lines {
			ids[i] = l.ID
		}
		for batch := range slices.Chunk(ids, s.claimBatch) {
			n, err := tx.CommissionLine.Update().Where(commissionline.IDIn(batch...), commissionline.PayoutIDIsNil()).
				SetPayoutID(p.ID).Save(ctx)
			if err != nil {
				return err
			}
			if n != len(batch) {
				return errTaken
			}
		}
		made = p
		return nil
	})
	switch {
	case errors.Is(err, errTaken), ent.IsConstraintError(err): // another run's, or this run's already
		return nil, nil
	case err != nil:
		return nil, err
	}
	return made, nil
}
