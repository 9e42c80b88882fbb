// Package payouts pays vendors what the ledger (package commissions) says they are owed:
// a periodic run batches, per vendor and currency, the unpaid captured lines past the hold
// period into a Payout and sends it through a Provider (manual by default, or Stripe
// Connect). The same money is never paid twice: lines are claimed by a payout with a
// conditional update in the transaction that creates it, and a payout is sent under its
// own id as idempotency key, so a run repeated, run twice at once or interrupted between
// the claim and the transfer pays each line once.
package payouts

import (
	"context"
	"time"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/viewer"
)

// Service runs payouts.
type Service struct {
	client   *ent.Client
	provider Provider
	hold     time.Duration
	now      func() time.Time
	// claimBatch is how many lines one statement claims for a payout (see settle).
	claimBatch int
}

// defaultClaimBatch is Service.claimBatch: a statement names each line it claims, and
// PostgreSQL takes at most 65,535 parameters in one.
const defaultClaimBatch = 10_000

// New returns a Service paying through provider (Manual when nil) sales captured more
// than hold ago (0: at once).
func New(client *ent.Client, provider Provider, hold time.Duration) *Service {
	if provider == nil {
		provider = Manual{}
	}
	return &Service{client: client, provider: provider, hold: max(hold, 0), now: time.Now, claimBatch: defaultClaimBatch}
}

// WithClock returns a copy of s that reads the time from now (tests).
func (s *Service) WithClock(now func() time.Time) *Service {
	c := *s
	c.now = now
	return &c
}

func system(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "payouts") }
