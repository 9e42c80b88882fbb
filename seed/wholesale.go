package seed

import (
	"fmt"

	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/user"
)

// Wholesale is the demo b2b store's handle and subdomain.
const Wholesale = "wholesale"

// demoCompany is a demo B2B company and its people (customer accounts of the tenant).
type demoCompany struct {
	handle, name string
	people       []demoEmployee
}

// demoEmployee is one person of a demo company; limit is a monthly spending limit in
// SAR minor units (nil: none; 0: every order waits for approval).
type demoEmployee struct {
	email string
	role  employee.Role
	limit *int64
}

func sar(v int64) *int64 { return &v }

var demoCompanies = map[string][]demoCompany{
	"saudi-marketplace": {{"riyadh-hotels", "Riyadh Hotels", []demoEmployee{
		{"admin@riyadh-hotels.test", employee.RoleCompanyAdmin, nil},
		{"buyer1@riyadh-hotels.test", employee.RoleBuyer, sar(500000)}, // SAR 5,000 a month
		{"buyer2@riyadh-hotels.test", employee.RoleBuyer, sar(0)},      // every order waits for approval
	}}},
}

// companies adds a tenant's demo companies and their people, who sign in with
// customerLogin in the tenant's stores (the b2b store is Wholesale).
func (s *seeder) companies(t *ent.Tenant) error {
	for _, dc := range demoCompanies[t.Handle] {
		co, err := s.c.Company.Query().Where(company.TenantID(t.ID), company.Handle(dc.handle)).Only(s.ctx)
		if ent.IsNotFound(err) {
			co, err = s.c.Company.Create().SetTenantID(t.ID).SetHandle(dc.handle).SetName(dc.name).SetCurrencyCode("SAR").
				SetTimeZone("Asia/Riyadh").SetTaxID("300000000000003").Save(s.ctx)
		}
		if err != nil {
			return fmt.Errorf("company %s: %w", dc.handle, err)
		}
		for _, p := range dc.people {
			if err := s.employee(t, co, p); err != nil {
				return fmt.Errorf("%s: %w", p.email, err)
			}
		}
	}
	return nil
}

// employee makes p a customer account of tenant t working for co, unless it is one.
func (s *seeder) employee(t *ent.Tenant, co *ent.Company, p demoEmployee) error {
	s.out.Buyers = append(s.out.Buyers, Login{Email: p.email, Role: string(p.role), Scope: co.Handle})
	u, err := s.c.User.Query().Where(user.Email(p.email), user.Realm(t.ID)).Only(s.ctx)
	if ent.IsNotFound(err) {
		hash, herr := auth.HashPassword(s.password)
		if herr != nil {
			return herr
		}
		if u, err = s.c.User.Create().SetEmail(p.email).SetRealm(t.ID).SetPasswordHash(hash).Save(s.ctx); err != nil {
			return err
		}
		err = s.c.Membership.Create().SetUserID(u.ID).SetRole(membership.RoleCustomer).SetTenantID(t.ID).Exec(s.ctx)
	}
	if err != nil {
		return err
	}
	if has, err := s.c.Employee.Query().Where(employee.UserID(u.ID)).Exist(s.ctx); err != nil || has {
		return err
	}
	create := s.c.Employee.Create().SetTenantID(t.ID).SetCompanyID(co.ID).SetUserID(u.ID).SetRole(p.role)
	if p.limit != nil {
		create.SetSpendingLimit(*p.limit).SetSpendingPeriod(employee.SpendingPeriodMonth)
	}
	return create.Exec(s.ctx)
}

// storefrontType is the type a demo store is made with.
func (ds demoStore) storefrontType() *store.StorefrontType {
	if ds.typ == "" {
		return nil
	}
	return &ds.typ
}
