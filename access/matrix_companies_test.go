package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
)

// addCompanies gives tenant A a company ca-one with one buyer (a customer account of A
// of its own, not a principal) and a customer account to hire (hire@ca-one.test), and
// tenant B a company cb-one.
func addCompanies(ctx context.Context, f *fx) {
	c := f.DB.Client
	ca := must1(c.Company.Create().SetTenantID(f.TenantA.ID).SetHandle("ca-one").SetName("CA One").SetCurrencyCode("SAR").Save(ctx))
	mustDo(c.Company.Create().SetTenantID(f.TenantB.ID).SetHandle("cb-one").SetName("CB One").SetCurrencyCode("SAR").Exec(ctx))
	buyer := must1(c.User.Create().SetEmail("buyer@ca-one.test").SetRealm(f.TenantA.ID).SetPasswordHash("x").Save(ctx))
	mustDo(c.Employee.Create().SetTenantID(f.TenantA.ID).SetCompanyID(ca.ID).SetUserID(buyer.ID).Exec(ctx))
	mustDo(c.User.Create().SetEmail("hire@ca-one.test").SetRealm(f.TenantA.ID).SetPasswordHash("x").Exec(ctx))
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

// customersOfA are the fixture's customer accounts of tenant A: its shopper, and the
// buyer and the person to hire of ca-one.
var customersOfA = []string{"shopper@acme.test", "buyer@ca-one.test", "hire@ca-one.test"}

func companyVars(_ testing.TB, f *fx) map[string]any {
	return map[string]any{"id": gid(f.DB.Client.Company.Query().Where(company.Handle("ca-one")).OnlyIDX(sysCtx()))}
}

// companyCases: the tenant's admins run its companies, its store managers read them;
// nobody else (no principal works for a company yet) sees or changes one.
func companyCases() (reads, writes []Case) {
	forbidden, unauthenticated, notFound := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED"), Deny("NOT_FOUND")
	reads = []Case{
		{
			Name: "companies",
			Op:   `{ companies(first: 50) { totalCount edges { node { handle } } } }`,
			Expect: Cells{
				SA: Filtered(Set("companies", "handle", "ca-one", "cb-one")),
				TA: Filtered(Set("companies", "handle", "ca-one")),
				SM: Filtered(Set("companies", "handle", "ca-one")),
				CU: forbidden, PK: unauthenticated, AN: unauthenticated,
				SK: Filtered(Set("companies", "handle", "cb-one")),
			},
		},
		{
			Name: "company/ca-one",
			Op:   `query($id: ID!) { company(id: $id) { handle } }`,
			Vars: companyVars,
			Expect: Cells{SA: Allow(Eq("company.handle", "ca-one")), TA: Allow(Eq("company.handle", "ca-one")),
				SM: Allow(Eq("company.handle", "ca-one")), CU: forbidden, PK: unauthenticated, AN: unauthenticated,
				SK: Allow(Null("company"))},
		},
		{
			// Its people are the tenant's admins' (and its own admins') to see.
			Name: "company/ca-one employees",
			Op:   `query($id: ID!) { company(id: $id) { employees(first: 5) { edges { node { role user { email } } } } } }`,
			Vars: companyVars,
			Expect: Cells{SA: Allow(Eq("company.employees.edges.0.node.user.email", "buyer@ca-one.test")),
				TA: Allow(Eq("company.employees.edges.0.node.user.email", "buyer@ca-one.test")),
				SM: forbidden, CU: forbidden, PK: unauthenticated, AN: unauthenticated, SK: Allow(Null("company"))},
		},
	}
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
			Name: "updateCompany/ca-one",
			Op:   `mutation($id: ID!) { updateCompany(id: $id, input: {discountBps: 250}) { discountBps } }`,
			Vars: companyVars,
			Expect: Cells{SA: Allow(Eq("updateCompany.discountBps", 250)), TA: Allow(Eq("updateCompany.discountBps", 250)),
				SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated},
		},
		{
			Name: "addCompanyEmployee/ca-one",
			Op:   `mutation($id: ID!) { addCompanyEmployee(companyId: $id, email: "hire@ca-one.test", role: buyer) { role } }`,
			Vars: companyVars,
			Expect: Cells{SA: Allow(Eq("addCompanyEmployee.role", "buyer")), TA: Allow(Eq("addCompanyEmployee.role", "buyer")),
				SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated},
		},
		{
			Name: "updateCompanyEmployee/ca-one buyer",
			Op:   `mutation($id: ID!) { updateCompanyEmployee(id: $id, input: {spendingLimit: 100000, spendingPeriod: month}) { spendingLimit } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"id": gid(f.DB.Client.Employee.Query().Where(employee.HasCompanyWith(company.Handle("ca-one"))).OnlyIDX(sysCtx()))}
			},
			Expect: Cells{SA: Allow(Eq("updateCompanyEmployee.spendingLimit", 100000)), TA: Allow(Eq("updateCompanyEmployee.spendingLimit", 100000)),
				SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated},
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
