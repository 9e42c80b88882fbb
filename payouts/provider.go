package payouts

import (
	"context"
	"errors"
)

// Transfer is a payout as a provider sends it.
type Transfer struct {
	PayoutID         int
	TenantID, Vendor int
	Amount           int64
	Currency         string // ISO 4217
	// Destination is the vendor's payout account (a Stripe connected account, acct_…).
	Destination string
}

// IdempotencyKey is what a provider sends a transfer under: the payout's id, so a payout
// sent again (after a crash, by a second run) is the same transfer to the provider.
func (t Transfer) IdempotencyKey() string { return "payout_" + itoa(t.PayoutID) }

// Provider pays vendors. Pay returns the provider's reference and whether the money has
// gone (done); a provider that leaves payment to a person (Manual) returns done false and
// the payout waits for markPayoutPaid. An error wrapping ErrDeclined is final: the payout
// fails and its lines return to the balance. Any other error is taken as passing: the
// payout stays pending and the next run sends it again, under the same idempotency key.
type Provider interface {
	Name() string
	Pay(ctx context.Context, t Transfer) (reference string, done bool, err error)
}

// ErrDeclined marks a provider's final refusal of a transfer.
var ErrDeclined = errors.New("payout declined")

// Manual is the default provider: nothing is sent; a tenant admin pays the vendor outside
// and marks the payout paid with the bank's reference.
type Manual struct{}

func (Manual) Name() string { return "manual" }

func (Manual) Pay(context.Context, Transfer) (string, bool, error) { return "", false, nil }
