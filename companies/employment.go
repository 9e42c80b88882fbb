package companies

import (
	"context"
	"errors"

	"entgo.io/ent/privacy"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/reqcache"
)

// Employment is the employee row of the customer with id userID, as the viewer of ctx
// may see it: nil when the customer works for no company, or the viewer may not see
// its row. A customer account belongs to one tenant and works for one company at most.
func (s *Service) Employment(ctx context.Context, userID int) (*ent.Employee, error) {
	e, err := s.client.Employee.Query().Where(employee.UserID(userID)).Only(ctx)
	if ent.IsNotFound(err) || errors.Is(err, privacy.Deny) { // a viewer who may see no employee row
		return nil, nil
	}
	return e, err
}

// SpentThisPeriod is what e's orders for its company add up to in the current period of
// its limit (see Spent), as the viewer of ctx sees them; nil when e has no limit.
func (s *Service) SpentThisPeriod(ctx context.Context, e *ent.Employee) (*int64, error) {
	if e.SpendingLimit == nil || e.SpendingPeriod == nil {
		return nil, nil
	}
	// A page of one company's people reads the company once.
	co, err := reqcache.Load(ctx, companyKey{e.CompanyID}, func() (*ent.Company, error) { return e.Company(ctx) })
	if err != nil {
		return nil, err
	}
	spent, err := Spent(ctx, s.client, co, e, s.now())
	if err != nil {
		return nil, err
	}
	return &spent, nil
}

// companyKey keys a company read for its employees in the request's cache.
type companyKey struct{ id int }
