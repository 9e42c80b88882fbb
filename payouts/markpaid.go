package payouts

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/payout"
)

// MarkPaid records that a tenant admin paid a manual payout outside, with the bank's
// reference (access.PayoutPolicy). Only a pending manual payout can be: CONFLICT otherwise.
func (s *Service) MarkPaid(ctx context.Context, id int, reference string) (*ent.Payout, error) {
	ref, err := catalog.Text("reference", reference, 200)
	if err != nil {
		return nil, err
	}
	p, err := s.client.Payout.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Provider != (Manual{}).Name() || p.Status != payout.StatusPending {
		return nil, apperr.New(apperr.Conflict, "a %s %s payout cannot be marked paid by hand", p.Status, p.Provider)
	}
	// Conditional: a concurrent mark finds the payout paid already.
	p, err = s.client.Payout.UpdateOneID(id).Where(payout.StatusEQ(payout.StatusPending)).
		SetStatus(payout.StatusPaid).SetReference(ref).SetPaidAt(s.now()).Save(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.Conflict, "the payout was settled meanwhile: read it again")
	}
	return p, err
}
