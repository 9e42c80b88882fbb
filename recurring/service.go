// Package recurring runs customers' subscriptions to a variant: a customer subscribes at
// an interval with a stored payment method, the renewal worker places each period's
// order once (see renew.go), failed payments are tried again with backoff and then pause
// the subscription, and the customer skips, pauses, resumes or cancels.
package recurring

import (
	"context"
	"errors"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/viewer"
)

// Service keeps subscriptions and places their renewals.
type Service struct {
	client   *ent.Client
	carts    *cart.Service
	checkout *checkout.Service
	payments *payment.Registry
	now      func() time.Time
}

// New returns a Service placing renewals through co and reading the time from now
// (nil: the system clock).
func New(client *ent.Client, carts *cart.Service, co *checkout.Service, payments *payment.Registry, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{client: client, carts: carts, checkout: co, payments: payments, now: now}
}

// sys is the context the package writes in, once the caller's right is checked.
func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "recurring") }

// Get reads subscription id as the caller sees it: NOT_FOUND when they do not.
func (s *Service) Get(ctx context.Context, id int) (*ent.Subscription, error) {
	sub, err := s.client.Subscription.Get(ctx, id)
	if ent.IsNotFound(err) || errors.Is(err, privacy.Deny) {
		return nil, apperr.New(apperr.NotFound, "subscription not found")
	}
	return sub, err
}
