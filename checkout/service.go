// Package checkout turns a cart into an order in one transaction: the order and its
// lines, stock reserved, payment authorised, the order.placed event recorded.
package checkout

import (
	"context"
	"time"

	"github.com/dakkah/cityos/cart"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/viewer"
)

// Service completes carts.
type Service struct {
	client     *ent.Client
	payments   *payment.Registry
	carts      *cart.Service
	onPostgres bool
	now        func() time.Time
	// approvalTTL is how long an approval request holds its cart's prices and stock.
	approvalTTL time.Duration

	beforePlace func() // tests: runs between reading the cart and placing its order
	afterPlace  func() // tests: runs between placing the order and answering it
}

// Option configures a Service.
type Option func(*Service)

// WithCarts makes the Service read carts, their regions and shipping options through
// carts (by default a cart.Service of its own, without a reference cache).
func WithCarts(carts *cart.Service) Option { return func(s *Service) { s.carts = carts } }

// OnPostgres tells the Service its database is PostgreSQL, whose order counter can
// commit without waiting for the disk (see bumpCounterAsync).
func OnPostgres(yes bool) Option { return func(s *Service) { s.onPostgres = yes } }

// DefaultApprovalTTL is how long an approval request waits for a decision by default.
const DefaultApprovalTTL = 72 * time.Hour

// WithClock makes the Service read the time from now (tests: a clock they move); nil
// keeps the system clock.
func WithClock(now func() time.Time) Option {
	return func(s *Service) {
		if now != nil {
			s.now = now
		}
	}
}

// WithApprovalTTL sets how long an approval request holds its cart (see
// DefaultApprovalTTL); 0 keeps the default.
func WithApprovalTTL(d time.Duration) Option {
	return func(s *Service) {
		if d > 0 {
			s.approvalTTL = d
		}
	}
}

// New returns a Service.
func New(client *ent.Client, payments *payment.Registry, opts ...Option) *Service {
	s := &Service{client: client, payments: payments, now: time.Now, approvalTTL: DefaultApprovalTTL}
	for _, o := range opts {
		o(s)
	}
	if s.carts == nil {
		s.carts = cart.New(client, pricing.New(client))
	}
	return s
}

// sys is the context checkout writes in, once the caller's right to the cart is checked:
// the shopper may not read orders nor write their lines, reservations or events.
func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "checkout") }

// Edges names the edges of the placed order a caller reads, each under the names it
// reads them by (GraphQL aliases; "" loads the edge under its own field). The zero
// value reads none: the order is then answered as checkout wrote it, without a query.
type Edges struct {
	Store        bool
	Items        []string
	Fulfillments []string
}

func (e Edges) none() bool { return !e.Store && len(e.Items) == 0 && len(e.Fulfillments) == 0 }

func (e Edges) load(q *ent.OrderQuery) {
	if e.Store {
		q.WithStore()
	}
	for _, name := range e.Items {
		if name == "" {
			q.WithItems()
		} else {
			q.WithNamedItems(name)
		}
	}
	for _, name := range e.Fulfillments {
		if name == "" {
			q.WithFulfillments()
		} else {
			q.WithNamedFulfillments(name)
		}
	}
}

// read reads the order in the system context with the edges asked for, so a shopper who
// may not query orders still gets back the one it placed.
func (s *Service) read(ctx context.Context, id int, edges Edges) (*ent.Order, error) {
	q := s.client.Order.Query().Where(order.ID(id))
	edges.load(q)
	return q.Only(sys(ctx))
}
