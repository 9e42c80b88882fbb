// Package checkout turns a cart into an order in one transaction: the order and its
// lines, stock reserved, payment authorised, the order.placed event recorded.
package checkout

import (
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/payment"
)

// Service completes carts.
type Service struct {
	client   *ent.Client
	payments *payment.Registry
}

// New returns a Service.
func New(client *ent.Client, payments *payment.Registry) *Service {
	return &Service{client: client, payments: payments}
}
