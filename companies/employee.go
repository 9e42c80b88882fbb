package companies

import (
	"context"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
	"github.com/dakkah/cityos/viewer"
)

// Limit is a buyer's spending limit: at most Amount (minor units of the company's
// currency) of placed orders per Period. Both or neither.
type Limit struct {
	Amount *int64
	Period *employee.SpendingPeriod
}

func (l Limit) checked() error {
	if (l.Amount == nil) != (l.Period == nil) {
		return apperr.Invalid("spendingLimit", "spendingLimit and spendingPeriod go together")
	}
	if l.Amount != nil && (*l.Amount < 0 || *l.Amount > pricing.MaxAmount) {
		return apperr.Invalid("spendingLimit", "spendingLimit must be 0-%d (minor units)", pricing.MaxAmount)
	}
	return nil
}

// AddEmployee makes the customer account with e-mail email (of the company's tenant)
// an employee of company companyID: the tenant's admins, or the company's admins. NOT_FOUND
// when the tenant has no such customer (the person registers first); CONFLICT when the
// person already works for a company.
func (s *Service) AddEmployee(ctx context.Context, companyID int, email string, role employee.Role, limit Limit) (*ent.Employee, error) {
	email, err := validate.Email("email", email)
	if err != nil {
		return nil, err
	}
	if err := limit.checked(); err != nil {
		return nil, err
	}
	c, err := s.client.Company.Query().Where(company.ID(companyID)).Only(ctx)
	if err != nil {
		return nil, err
	}
	if err := access.MayAddEmployees(viewer.FromContext(ctx), c.TenantID, c.ID); err != nil {
		return nil, err
	}
	// The company's admins do not see the tenant's customers: the account is looked up
	// past the policies, by e-mail within the company's tenant only.
	u, err := s.client.User.Query().Where(user.Email(email), user.Realm(c.TenantID)).Only(access.Bypass(ctx))
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "no customer of this tenant signs in with that e-mail: they register first")
	}
	if err != nil {
		return nil, err
	}
	e, err := s.client.Employee.Create().SetTenantID(c.TenantID).SetCompanyID(c.ID).SetUserID(u.ID).SetRole(role).
		SetNillableSpendingLimit(limit.Amount).SetNillableSpendingPeriod(limit.Period).Save(ctx)
	return e, txn.Conflict(err, "that person already works for a company")
}

// EmployeeChange is a change to an employee; nil fields are left as they are.
// ClearLimit lifts the spending limit.
type EmployeeChange struct {
	Role       *employee.Role
	Status     *employee.Status
	Limit      Limit
	ClearLimit bool
}

// UpdateEmployee changes an employee's role, status or limit: the tenant's admins, or the
// company's admins (not for their own row).
func (s *Service) UpdateEmployee(ctx context.Context, id int, in EmployeeChange) (*ent.Employee, error) {
	if in.ClearLimit && (in.Limit.Amount != nil || in.Limit.Period != nil) {
		return nil, apperr.Invalid("clearSpendingLimit", "clear the spending limit or set one, not both")
	}
	if err := in.Limit.checked(); err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Employee, error) {
		e, err := tx.Employee.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		u := tx.Employee.UpdateOne(e).SetNillableRole(in.Role).SetNillableStatus(in.Status).
			SetNillableSpendingLimit(in.Limit.Amount).SetNillableSpendingPeriod(in.Limit.Period)
		if in.ClearLimit {
			u.ClearSpendingLimit().ClearSpendingPeriod()
		}
		return u.Save(ctx)
	})
}
