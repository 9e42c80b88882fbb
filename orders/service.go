// Package orders is what staff do with placed orders: capture and refund payment,
// cancel, fulfil, ship and deliver — each refusing transitions that make no sense.
package orders

import (
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/payment"
)

// Service runs order operations.
type Service struct {
	client   *ent.Client
	payments *payment.Registry
}

// New returns a Service.
func New(client *ent.Client, payments *payment.Registry) *Service {
	return &Service{client: client, payments: payments}
}
