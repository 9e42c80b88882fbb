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
	byUser, err := s.Employments(ctx, []int{userID}, false)
	return byUser[userID], err
}

// Employments is Employment for several customers in one statement (a page of
// customers), by customer: one the viewer may see no row of is missing. withCompany
// loads their companies too, in one more.
func (s *Service) Employments(ctx context.Context, userIDs []int, withCompany bool) (map[int]*ent.Employee, error) {
	q := s.client.Employee.Query().Where(employee.UserIDIn(userIDs...))
	if withCompany {
		q.WithCompany()
	}
	es, err := q.All(ctx)
	if errors.Is(err, privacy.Deny) { // a viewer who may see no employee row
		return map[int]*ent.Employee{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := make(map[int]*ent.Employee, len(es))
	for _, e := range es {
		out[e.UserID] = e
	}
	return out, nil
}

// SpentThisPeriods is what each employee's orders for its company add up to in the
// current period of its limit (see Spent), as the viewer of ctx sees them, by employee
// id; employees without a limit are missing. One statement for each company and period
// length among them (a page of a company's people: one or two), each company read once
// a request.
func (s *Service) SpentThisPeriods(ctx context.Context, es []*ent.Employee) (map[int]int64, error) {
	type window struct {
		company int
		period  employee.SpendingPeriod
	}
	groups := map[window][]*ent.Employee{}
	var windows []window // in the order of their first employee, so statements run in a stable order
	for _, e := range es {
		if e.SpendingLimit == nil || e.SpendingPeriod == nil {
			continue
		}
		w := window{e.CompanyID, *e.SpendingPeriod}
		if groups[w] == nil {
			windows = append(windows, w)
		}
		groups[w] = append(groups[w], e)
	}
	out := map[int]int64{}
	now := s.now()
	for _, w := range windows {
		group := groups[w]
		co, err := reqcache.Load(ctx, companyKey{w.company}, func() (*ent.Company, error) { return group[0].Company(ctx) })
		if err != nil {
			return nil, err
		}
		users := make([]int, len(group))
		for i, e := range group {
			users[i] = e.UserID
		}
		byUser, err := spentBy(ctx, s.client, co, w.period, users, now)
		if err != nil {
			return nil, err
		}
		for _, e := range group {
			out[e.ID] = byUser[e.UserID]
		}
	}
	return out, nil
}

// companyKey keys a company read for its employees in the request's cache.
type companyKey struct{ id int }
