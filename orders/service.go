// Package orders is what staff do with placed orders: capture and refund payment,
// cancel, fulfil, ship and deliver — each refusing transitions that make no sense.
package orders

import (
	"context"
	"errors"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
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

// sys is the context order operations write an order's parts in (fulfilments,
// reservations, events) once the caller has been allowed to change the order itself.
func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "orders") }

// transition is one decided change of an order: the fields to set, then the effects
// that go with it (system writes, the payment processor last).
type transition struct {
	set     func(u *ent.OrderUpdateOne)
	effects func(ctx context.Context, tx *ent.Tx, o *ent.Order) error
}

// errMoved: the order changed between its reading and its update.
var errMoved = errors.New("orders: the order changed meanwhile")

// attempts bounds how often change reads an order again that changed meanwhile.
const attempts = 3

// change runs one staff operation in a transaction. The order is read under the
// caller's context (one it cannot see is not found), decide checks the transition, and
// the update runs under the caller's context too, so the policy says who may change
// it. The update only applies while the order is still as it was read: of two
// concurrent operations one wins, and only the winner reaches the payment processor;
// the other reads the order again and is decided anew (two concurrent refunds of half
// the total both go through, a third is refused), up to attempts times, then answers
// CONFLICT.
func (s *Service) change(ctx context.Context, id int, decide func(o *ent.Order) (*transition, error)) (*ent.Order, error) {
	for range attempts {
		o, err := s.changeOnce(ctx, id, decide)
		if !errors.Is(err, errMoved) {
			return o, err
		}
	}
	return nil, apperr.New(apperr.Conflict, "the order changed meanwhile: read it again and retry")
}

func (s *Service) changeOnce(ctx context.Context, id int, decide func(o *ent.Order) (*transition, error)) (*ent.Order, error) {
	var out *ent.Order
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		o, err := tx.Order.Query().Where(order.ID(id)).Only(ctx)
		if ent.IsNotFound(err) || errors.Is(err, privacy.Deny) {
			return apperr.New(apperr.NotFound, "order not found")
		}
		if err != nil {
			return err
		}
		t, err := decide(o)
		if err != nil {
			return err
		}
		out, err = apply(ctx, tx, o, t)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// apply makes transition t of order o, as read in tx: the update under ctx, only while o
// is still as read (errMoved otherwise), then its effects in the system context.
func apply(ctx context.Context, tx *ent.Tx, o *ent.Order, t *transition) (*ent.Order, error) {
	// UpdateOne(o), not UpdateOneID: the audit record takes the old values from o.
	u := tx.Order.UpdateOne(o).Where(
		order.StatusEQ(o.Status), order.PaymentStatusEQ(o.PaymentStatus),
		order.FulfillmentStatusEQ(o.FulfillmentStatus), order.RefundedTotalEQ(o.RefundedTotal),
	)
	t.set(u)
	updated, err := u.Save(ctx)
	if ent.IsNotFound(err) {
		return nil, errMoved
	}
	if err != nil {
		return nil, err
	}
	if t.effects != nil {
		if err := t.effects(sys(ctx), tx, updated); err != nil {
			return nil, err
		}
	}
	return updated, nil
}

// provider is the processor an order was placed with.
func (s *Service) provider(o *ent.Order) (payment.Provider, error) {
	return s.payments.Provider(o.PaymentProvider)
}
