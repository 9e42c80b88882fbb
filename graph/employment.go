package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/reqcache"
)

// A staff list of customers asking each for its employment, or a company's people each
// for what it spent, would run a statement per row. The first row to ask loads the
// whole list's (see listed), under the reader's own policies, and the rest read it from
// the request's cache.

// employmentKey and spentKey key a list's batch load in the request's cache.
type (
	employmentKey struct{ list any }
	spentKey      struct{ list any }
)

func (r *Resolver) employment(ctx context.Context, u *ent.User) (*ent.Employee, error) {
	list, users := listed(ctx, u, func(u *ent.User) int { return u.ID }, usersOf)
	if list == nil {
		return r.Companies.Employment(ctx, u.ID)
	}
	byUser, err := reqcache.Load(ctx, employmentKey{list}, func() (map[int]*ent.Employee, error) {
		ids := make([]int, len(users))
		for i, u := range users {
			ids[i] = u.ID
		}
		return r.Companies.Employments(ctx, ids, selects(ctx, "company", "Employee"))
	})
	return byUser[u.ID], err
}

func (r *Resolver) spentThisPeriod(ctx context.Context, e *ent.Employee) (*int, error) {
	var byEmployee map[int]int64
	var err error
	if list, people := listed(ctx, e, func(e *ent.Employee) int { return e.ID }, employeesOf); list != nil {
		byEmployee, err = reqcache.Load(ctx, spentKey{list}, func() (map[int]int64, error) {
			return r.Companies.SpentThisPeriods(ctx, people)
		})
	} else {
		byEmployee, err = r.Companies.SpentThisPeriods(ctx, []*ent.Employee{e})
	}
	spent, ok := byEmployee[e.ID]
	if err != nil || !ok { // no limit
		return nil, err
	}
	n := int(spent)
	return &n, nil
}

// usersOf is a list of users, or of their connection's edges.
func usersOf(result any) ([]*ent.User, bool) {
	return nodesOf(result, func(e *ent.UserEdge) *ent.User { return e.Node })
}

// employeesOf is a list of employees, or of their connection's edges.
func employeesOf(result any) ([]*ent.Employee, bool) {
	return nodesOf(result, func(e *ent.EmployeeEdge) *ent.Employee { return e.Node })
}

// nodesOf is a list of T, or the nodes of a list of their connection's edges E.
func nodesOf[T, E any](result any, node func(*E) *T) ([]*T, bool) {
	switch l := result.(type) {
	case []*T:
		return l, true
	case []*E:
		out := make([]*T, 0, len(l))
		for _, e := range l {
			if e != nil && node(e) != nil {
				out = append(out, node(e))
			}
		}
		return out, true
	}
	return nil, false
}

// selects says whether the selection of ctx's field asks for the field name of an object
// of one of the types satisfies.
func selects(ctx context.Context, name string, satisfies ...string) bool {
	for _, f := range graphql.CollectFieldsCtx(ctx, satisfies) {
		if f.Name == name {
			return true
		}
	}
	return false
}
