package payouts

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/stripe/stripe-go/v82"

	"github.com/dakkah/cityos/payment"
)

// StripeConnect pays vendors with Stripe Connect transfers from the platform's balance to
// the vendor's connected account (its payout account, acct_…).
type StripeConnect struct {
	client *stripe.Client
}

// NewStripeConnect returns the provider for secretKey; apiBase replaces Stripe's endpoint
// when set (stripe-mock in tests).
func NewStripeConnect(secretKey, apiBase string) *StripeConnect {
	return &StripeConnect{client: payment.NewStripeClient(secretKey, apiBase)}
}

func (*StripeConnect) Name() string { return "stripe" }

// Pay creates the transfer. A vendor with no connected account, or a request Stripe
// refuses, is declined; network and Stripe's own failures are tried again next run.
func (s *StripeConnect) Pay(ctx context.Context, t Transfer) (string, bool, error) {
	if !strings.HasPrefix(t.Destination, "acct_") {
		return "", false, fmt.Errorf("%w: the vendor has no Stripe connected account (acct_…) as its payout account", ErrDeclined)
	}
	p := &stripe.TransferCreateParams{
		Amount: stripe.Int64(t.Amount), Currency: stripe.String(strings.ToLower(t.Currency)),
		Destination: stripe.String(t.Destination),
		Metadata:    map[string]string{"payout_id": itoa(t.PayoutID), "vendor_id": itoa(t.Vendor)},
	}
	p.SetIdempotencyKey(t.IdempotencyKey())
	tr, err := s.client.V1Transfers.Create(ctx, p)
	if err != nil {
		var se *stripe.Error
		if errors.As(err, &se) && (se.Type == stripe.ErrorTypeInvalidRequest || se.Type == stripe.ErrorTypeCard) {
			return "", false, fmt.Errorf("%w: %s", ErrDeclined, se.Msg)
		}
		return "", false, fmt.Errorf("stripe transfer: %w", err)
	}
	return tr.ID, true, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
