package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/testenv"
)

// addCompanies gives tenant A two companies: ca-one (C1) with its admin (the principal
// company_admin_C1), its buyer (buyer_C1, SAR 1,000.00 a month) and a second buyer,
// mate@ca-one.test, who is no principal; and ca-two (C2) with its admin and buyer
// (company_admin_C2, buyer_C2). A customer account of A waits to be hired
// (hire@ca-one.test), and tenant B has a company cb-one. Every company person is a
// customer account of A, as one registered at its storefront is.
func addCompanies(t testing.TB, ctx context.Context, f *fx) {
	c := f.DB.Client
	ca := must1(c.Company.Create().SetTenantID(f.TenantA.ID).SetHandle("ca-one").SetName("CA One").SetCurrencyCode("SAR").Save(ctx))
	ca2 := must1(c.Company.Create().SetTenantID(f.TenantA.ID).SetHandle("ca-two").SetName("CA Two").SetCurrencyCode("SAR").Save(ctx))
	mustDo(c.Company.Create().SetTenantID(f.TenantB.ID).SetHandle("cb-one").SetName("CB One").SetCurrencyCode("SAR").Exec(ctx))
	customer := func(email string) *ent.User {
		u := must1(c.User.Create().SetEmail(email).SetRealm(f.TenantA.ID).SetPasswordHash("x").Save(ctx))
		mustDo(c.Membership.Create().SetUserID(u.ID).SetRole(membership.RoleCustomer).SetTenantID(f.TenantA.ID).Exec(ctx))
		return u
	}
	person := func(principal, email string, co *ent.Company, role employee.Role) {
		u := customer(email)
		add := c.Employee.Create().SetTenantID(f.TenantA.ID).SetCompanyID(co.ID).SetUserID(u.ID).SetRole(role)
		if role == employee.RoleBuyer {
			add.SetSpendingLimit(100000).SetSpendingPeriod(employee.SpendingPeriodMonth)
		}
		mustDo(add.Exec(ctx))
		if principal != "" {
			f.SignIn(t, principal, u)
		}
	}
	person(testenv.CompanyAdminC1, "admin@ca-one.test", ca, employee.RoleCompanyAdmin)
	person(testenv.BuyerC1, "buyer@ca-one.test", ca, employee.RoleBuyer)
	person("", "mate@ca-one.test", ca, employee.RoleBuyer)
	person(testenv.CompanyAdminC2, "admin@ca-two.test", ca2, employee.RoleCompanyAdmin)
	person(testenv.BuyerC2, "buyer@ca-two.test", ca2, employee.RoleBuyer)
	customer("hire@ca-one.test")
}

// must1 is v, or a panic: the fixture could not be written.
func must1[T any](v T, err error) T {
	mustDo(err)
	return v
}

func mustDo(err error) {
	if err != nil {
		panic(err)
	}
}

// customersOfA are the fixture's customer accounts of tenant A: its shopper, the people
// of ca-one and ca-two, and the person to hire.
var customersOfA = []string{"shopper@acme.test", "admin@ca-one.test", "buyer@ca-one.test", "mate@ca-one.test",
	"admin@ca-two.test", "buyer@ca-two.test", "hire@ca-one.test"}

func companyVars(_ testing.TB, f *fx) map[string]any {
	return map[string]any{"id": gid(f.DB.Client.Company.Query().Where(company.Handle("ca-one")).OnlyIDX(sysCtx()))}
}

// employeeVars names the employee row of ca-one's buyer (buyer_C1).
func employeeVars(_ testing.TB, f *fx) map[string]any {
	return map[string]any{"id": gid(f.DB.Client.Employee.Query().
		Where(employee.HasUserWith(user.Email("buyer@ca-one.test"))).OnlyIDX(sysCtx()))}
}

// companyCases: the tenant's admins run its companies, its store managers read them; a
// company's people read their own company, its admins manage its people (not the
// company), a buyer sees its own row; nobody sees another company.
func companyCases() (reads, writes []Case) {
	forbidden, unauthenticated, notFound := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED"), Deny("NOT_FOUND")
	caOne, caTwo := Filtered(Set("companies", "handle", "ca-one")), Filtered(Set("companies", "handle", "ca-two"))
	reads = []Case{
		{
			Name: "companies",
			Op:   `{ companies(first: 50) { totalCount edges { node { handle } } } }`,
			Expect: Cells{
				SA: Filtered(Set("companies", "handle", "ca-one", "ca-two", "cb-one")),
				TA: Filtered(Set("companies", "handle", "ca-one", "ca-two")),
				SM: Filtered(Set("companies", "handle", "ca-one", "ca-two")),
				CU: forbidden, PK: unauthenticated, AN: unauthenticated,
				SK:  Filtered(Set("companies", "handle", "cb-one")),
				CA1: caOne, B1: caOne, CA2: caTwo, B2: caTwo,
			},
		},
		{
			Name: "company/ca-one",
			Op:   `query($id: ID!) { company(id: $id) { handle } }`,
			Vars: companyVars,
			Expect: func() Cells {
				ok, none := Allow(Eq("company.handle", "ca-one")), Allow(Null("company"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, AN: unauthenticated, SK: none,
					CA1: ok, B1: ok, CA2: none, B2: none}
			}(),
		},
		{
			// Its people are the tenant's admins' and its own admins' to see; a buyer sees
			// its own row.
			Name: "company/ca-one employees",
			Op:   `query($id: ID!) { company(id: $id) { employees(first: 5) { edges { node { role user { email } } } } } }`,
			Vars: companyVars,
			Expect: func() Cells {
				people := func(emails ...string) Outcome {
					var users []string
					for _, e := range emails {
						users = append(users, "map[email:"+e+"]")
					}
					return Allow(Set("company.employees", "user", users...))
				}
				all := people("admin@ca-one.test", "buyer@ca-one.test", "mate@ca-one.test")
				return Cells{SA: all, TA: all, SM: forbidden, CU: forbidden, PK: unauthenticated, AN: unauthenticated,
					SK: Allow(Null("company")), CA1: all, B1: people("buyer@ca-one.test"),
					CA2: Allow(Null("company")), B2: Allow(Null("company"))}
			}(),
		},
	}
	reads = append(reads, Case{
		// A fellow buyer's limit is its company's admins' (and the tenant's admins') to
		// see, not the buyer's, nor the other company's.
		Name: "node/employee row of ca-one's second buyer",
		Op:   `query($id: ID!) { node(id: $id) { id ... on Employee { spendingLimit user { email } } } }`,
		Vars: func(_ testing.TB, f *fx) map[string]any {
			return map[string]any{"id": gid(f.DB.Client.Employee.Query().
				Where(employee.HasUserWith(user.Email("mate@ca-one.test"))).OnlyIDX(sysCtx()))}
		},
		Expect: func() Cells {
			ok := Allow(Eq("node.spendingLimit", 100000), Eq("node.user.email", "mate@ca-one.test"))
			return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
				CA1: ok, B1: notFound, CA2: notFound, B2: notFound}
		}(),
	})
	created := Allow(Eq("createCompany.handle", "ca-new"))
	writes = []Case{
		{
			Name: "createCompany/acme",
			Op:   `mutation($t: ID!) { createCompany(tenantId: $t, input: {handle: "ca-new", name: "New", currencyCode: "SAR"}) { handle } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"t": gid(f.TenantA.ID)} },
			Expect: Cells{SA: created, TA: created, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: forbidden,
				AN: unauthenticated},
		},
		{
			// A company's terms are the tenant's to set, not its own admins'.
			Name: "updateCompany/ca-one",
			Op:   `mutation($id: ID!) { updateCompany(id: $id, input: {discountBps: 250}) { discountBps } }`,
			Vars: companyVars,
			Expect: Cells{SA: Allow(Eq("updateCompany.discountBps", 250)), TA: Allow(Eq("updateCompany.discountBps", 250)),
				SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
				CA1: forbidden, B1: forbidden, CA2: notFound, B2: notFound},
		},
		{
			Name: "addCompanyEmployee/ca-one",
			Op:   `mutation($id: ID!) { addCompanyEmployee(companyId: $id, email: "hire@ca-one.test", role: buyer) { role } }`,
			Vars: companyVars,
			Expect: Cells{SA: Allow(Eq("addCompanyEmployee.role", "buyer")), TA: Allow(Eq("addCompanyEmployee.role", "buyer")),
				SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
				// Who cannot see the company is told it is not there.
				CA1: Allow(Eq("addCompanyEmployee.role", "buyer")), B1: forbidden, CA2: notFound, B2: notFound},
		},
		{
			// Its company's admins set a buyer's limit; the buyer does not, nor another
			// company's admin.
			Name: "updateCompanyEmployee/ca-one buyer",
			Op:   `mutation($id: ID!) { updateCompanyEmployee(id: $id, input: {spendingLimit: 50000, spendingPeriod: month}) { spendingLimit } }`,
			Vars: employeeVars,
			Expect: func() Cells {
				ok := Allow(Eq("updateCompanyEmployee.spendingLimit", 50000))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
					CA1: ok, B1: forbidden, CA2: notFound, B2: notFound}
			}(),
		},
	}
	return reads, writes
}

func companyReadCases() []Case {
	r, _ := companyCases()
	return r
}

func companyWriteCases() []Case {
	_, w := companyCases()
	return w
}

// withCompanyPeople sets each company principal's cell to what mk makes of its e-mail:
// for rows whose outcome names the caller (its profile, the cart or address it creates).
func (c Cells) withCompanyPeople(mk func(email string) Outcome) Cells {
	c.CA1, c.B1 = mk("admin@ca-one.test"), mk("buyer@ca-one.test")
	c.CA2, c.B2 = mk("admin@ca-two.test"), mk("buyer@ca-two.test")
	return c
}
