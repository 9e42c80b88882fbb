package payouts

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/payout"
)

// A manual payout waits for a tenant admin (access.PayoutPolicy), who paid the vendor
// outside and marks it paid, or could not and marks it failed.

// MarkPaid records that a manual payout was paid, with the bank's reference. Only a
// pending manual payout can be: CONFLICT otherwise.
func (s *Service) MarkPaid(ctx context.Context, id int, reference string) (*ent.Payout, error) {
	ref, err := catalog.Text("reference", reference, 200)
	if err != nil {
		return nil, err
	}
	if err := s.pendingManual(ctx, id, "paid"); err != nil {
		return nil, err
	}
	// Conditional: a concurrent mark finds the payout settled already.
	p, err := s.client.Payout.UpdateOneID(id).Where(payout.StatusEQ(payout.StatusPending)).
		SetStatus(payout.StatusPaid).SetReference(ref).SetPaidAt(s.now()).Save(ctx)
	if ent.IsNotFound(err) {
		return nil, settledMeanwhile()
	}
	return p, err
}

// MarkFailed records that a manual payout could not be paid, and why: it fails as one a
// provider declines (send), its lines back in the vendor's balance for the next run. Only
// a pending manual payout can: CONFLICT otherwise.
func (s *Service) MarkFailed(ctx context.Context, id int, reason string) (*ent.Payout, error) {
	why, err := catalog.Text("reason", reason, failureReasonMax)
	if err != nil {
		return nil, err
	}
	if err := s.pendingManual(ctx, id, "failed"); err != nil {
		return nil, err
	}
	err = s.fail(ctx, id, why)
	if ent.IsNotFound(err) {
		return nil, settledMeanwhile()
	}
	if err != nil {
		return nil, err
	}
	return s.client.Payout.Get(ctx, id)
}

// pendingManual reads payout id as the viewer may (NOT_FOUND or a denial otherwise) and
// refuses one a person may not settle: CONFLICT unless it is manual and pending.
func (s *Service) pendingManual(ctx context.Context, id int, as string) error {
	p, err := s.client.Payout.Get(ctx, id)
	if err != nil {
		return err
	}
	if p.Provider != (Manual{}).Name() || p.Status != payout.StatusPending {
		return apperr.New(apperr.Conflict, "a %s %s payout cannot be marked %s by hand", p.Status, p.Provider, as)
	}
	return nil
}

func settledMeanwhile() error {
	return apperr.New(apperr.Conflict, "the payout was settled meanwhile: read it again")
}
