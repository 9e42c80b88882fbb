package checkout

import (
	"context"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/companies"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// buyer is who a b2b checkout is for: an active employee of an active company.
type buyer struct {
	employee *ent.Employee
	company  *ent.Company
}

// forCompany finds the company a cart's checkout is for and says why it must wait for a
// company admin (none when it may be placed). A checkout is a company's when the cart is
// a signed-in customer's, in a b2b store, and the customer an active employee of a
// company of the store's tenant; any other checkout is a shopper's own, and costs one
// read more only when the shopper is signed in.
func (s *Service) forCompany(ctx context.Context, c *ent.Cart, p *plan) ([]string, error) {
	if c.CustomerID == nil {
		return nil, nil
	}
	// The shopper's own checkout: its grants, read as it signed in, say whether it works
	// for a company at all (see identity's companyGrant).
	if v := viewer.FromContext(ctx); v.Kind == viewer.User && v.UserID == *c.CustomerID && len(v.Companies()) == 0 {
		return nil, nil
	}
	b, err := s.employment(ctx, c.TenantID, *c.CustomerID, nil)
	if b == nil || err != nil {
		return nil, err
	}
	st, err := cart.Store(ctx, c)
	if err != nil {
		return nil, err
	}
	if st.StorefrontType != store.StorefrontTypeB2b {
		return nil, nil
	}
	p.buyer = b
	return s.reasons(ctx, b, c.CurrencyCode, p.totals.Total)
}

// employment is user userID's active employment in tenantID, with its company (company
// companyID's, when given): nil when the user is no active employee of it.
func (s *Service) employment(ctx context.Context, tenantID, userID int, companyID *int) (*buyer, error) {
	q := s.client.Employee.Query().
		Where(employee.UserID(userID), employee.TenantID(tenantID), employee.StatusEQ(employee.StatusActive))
	if companyID != nil {
		q.Where(employee.CompanyID(*companyID))
	}
	e, err := q.WithCompany().Only(sys(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &buyer{employee: e, company: e.Edges.Company}, nil
}

// reasons checks that buyer b's company may order, in currency, and says why an order of
// total by b must wait for a company admin (none when it may be placed).
func (s *Service) reasons(ctx context.Context, b *buyer, currency string, total int64) ([]string, error) {
	switch {
	case b.company.Status != company.StatusActive:
		return nil, apperr.New(apperr.Forbidden, "the company is suspended: its buyers cannot order for it")
	case b.company.CurrencyCode != currency:
		return nil, apperr.Invalid("currencyCode", "the company buys in %s: shop in a region that sells in it", b.company.CurrencyCode)
	}
	spent, err := companies.Spent(sys(ctx), s.client, b.company, b.employee, s.now())
	if err != nil {
		return nil, err
	}
	return companies.Reasons(b.company, b.employee, spent, total), nil
}

// overLimit: another checkout of the buyer, placed while this one was on its way, used up
// the limit; the cart then waits for approval instead.
type overLimit struct{ reasons []string }

func (overLimit) Error() string { return "checkout: over the buyer's spending limit" }

// withinLimit checks again, in the placing transaction, that the buyer's order fits its
// limit, counting every order placed until now: the employee's row is locked first
// (PostgreSQL; SQLite writes one transaction at a time), so two checkouts of one buyer
// count each other and at most one passes the limit.
func (s *Service) withinLimit(ctx context.Context, tx *ent.Tx, p *plan) error {
	e := p.buyer.employee
	if e.SpendingLimit == nil {
		return nil
	}
	if _, err := tx.Employee.Query().Where(employee.ID(e.ID), txn.LockedOnPostgres).Only(ctx); err != nil {
		return err
	}
	spent, err := companies.Spent(ctx, tx.Client(), p.buyer.company, e, s.now())
	if err != nil {
		return err
	}
	if reasons := companies.Reasons(p.buyer.company, e, spent, p.totals.Total); len(reasons) > 0 {
		return overLimit{reasons: reasons}
	}
	return nil
}
