package payouts

import (
	"context"
	"errors"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/payout"
	"github.com/dakkah/cityos/txn"
)

// send pays p through the provider: paid when the money has gone, failed (its lines
// returned to the balance) when the provider declines, left pending otherwise (a manual
// payout, or a provider that could not be reached: the next run sends it again).
func (s *Service) send(ctx context.Context, p *ent.Payout, rep *Report) error {
	if p.Amount == 0 { // the lines net to nothing: settled without sending anything
		rep.Paid++
		return s.client.Payout.UpdateOneID(p.ID).Where(payout.StatusEQ(payout.StatusPending)).
			SetStatus(payout.StatusPaid).SetPaidAt(s.now()).Exec(ctx)
	}
	v, err := s.client.Vendor.Get(ctx, p.VendorID)
	if err != nil {
		return err
	}
	ref, done, err := s.provider.Pay(ctx, Transfer{PayoutID: p.ID, TenantID: p.TenantID, Vendor: p.VendorID,
		Amount: p.Amount, Currency: p.CurrencyCode, Destination: v.PayoutAccount})
	switch {
	case errors.Is(err, ErrDeclined):
		rep.Failed++
		if err := s.fail(ctx, p.ID, err.Error()); !ent.IsNotFound(err) {
			return err
		}
		return nil // already settled by another run
	case err != nil:
		rep.Pending++
		return err
	case !done:
		rep.Pending++
		return nil
	}
	rep.Paid++
	err = s.client.Payout.UpdateOneID(p.ID).Where(payout.StatusEQ(payout.StatusPending)).
		SetStatus(payout.StatusPaid).SetReference(ref).SetPaidAt(s.now()).Exec(ctx)
	if ent.IsNotFound(err) { // a concurrent run sent it (the same transfer) and marked it
		return nil
	}
	return err
}

// failureReasonMax is the longest failure reason a payout keeps (its column's length).
const failureReasonMax = 1000

// fail marks pending payout id failed with reason and returns its lines to the vendor's
// balance, in one transaction; a payout settled meanwhile is left as it is (ent's
// NotFound). ctx is whoever fails it: a run, or a tenant admin for a manual payout. The
// lines are the ledger's, which no person writes: they return past the policies, in that
// name.
func (s *Service) fail(ctx context.Context, id int, reason string) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		err := tx.Payout.UpdateOneID(id).Where(payout.StatusEQ(payout.StatusPending)).
			SetStatus(payout.StatusFailed).SetFailureReason(truncate(reason, failureReasonMax)).Exec(ctx)
		if err != nil {
			return err
		}
		return tx.CommissionLine.Update().Where(commissionline.PayoutID(id)).ClearPayoutID().Exec(access.Bypass(ctx))
	})
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
