package companies_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

const (
	createQ = `mutation($t: ID!, $in: CreateCompanyInput!) { createCompany(tenantId: $t, input: $in) { id handle status approval approvalThreshold timeZone } }`
	updateQ = `mutation($id: ID!, $in: UpdateCompanyInput!) { updateCompany(id: $id, input: $in) { id name status } }`
	readQ   = `query($id: ID!) { company(id: $id) { id handle employees(first: 10) { totalCount edges { node { role status spendingLimit user { email } } } } } }`
	addQ    = `mutation($c: ID!, $e: String!, $r: EmployeeRole!, $l: Int, $p: EmployeeSpendingPeriod) {
		addCompanyEmployee(companyId: $c, email: $e, role: $r, spendingLimit: $l, spendingPeriod: $p) { id role spendingLimit spendingPeriod } }`
	changeQ = `mutation($id: ID!, $in: UpdateEmployeeInput!) { updateCompanyEmployee(id: $id, input: $in) { id status spendingLimit spendingPeriod } }`
)

type vars = map[string]any

type employeeOut struct {
	ID             string
	Role           string
	Status         string
	SpendingLimit  *int64
	SpendingPeriod *string
}

type companyOut struct {
	ID        string
	Handle    string
	Employees struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				Role, Status  string
				SpendingLimit *int64
				User          struct{ Email string }
			}
		}
	}
}

// A customer of the store's tenant: registered through the API, signed in.
func customer(t *testing.T, f *testenv.Fixture, storeID int, email string) testenv.Headers {
	t.Helper()
	var out struct{ RegisterCustomer struct{ AccessToken string } }
	f.API.MustDo(t, nil, `mutation($e: String!, $s: ID!) { registerCustomer(input: {email: $e, password: "company-password-1", storeId: $s}) { accessToken } }`,
		vars{"e": email, "s": testenv.ID(storeID)}).Decode(t, &out)
	return testenv.Headers{"Authorization": "Bearer " + out.RegisterCustomer.AccessToken}
}

func read(t *testing.T, f *testenv.Fixture, h testenv.Headers, id string) *companyOut {
	t.Helper()
	var out struct{ Company *companyOut }
	f.API.MustDo(t, h, readQ, vars{"id": id}).Decode(t, &out)
	return out.Company
}

// hidden reports that the company does not exist for h: null, or no company visible at
// all (FORBIDDEN; UNAUTHENTICATED for a storefront key).
func hidden(t *testing.T, f *testenv.Fixture, h testenv.Headers, id string) bool {
	t.Helper()
	r := f.API.Do(t, h, `query($id: ID!) { company(id: $id) { id } }`, vars{"id": id})
	var out struct{ Company *struct{ ID string } }
	r.Decode(t, &out)
	return out.Company == nil && (len(r.Errors) == 0 || r.Code() == "FORBIDDEN" || r.Code() == "UNAUTHENTICATED")
}

// Tenant admins create and run companies; a company's admin manages its employees, never
// another company's, nor itself; a buyer sees its company and its own row; nobody of
// another tenant sees or changes anything.
func TestCompaniesAndEmployees(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		ta, tenantA := f.As(testenv.TenantAdminA), testenv.ID(f.TenantA.ID)
		requireErr := testenv.RequireError

		// Validation: every field says what is wrong with it.
		base := vars{"handle": "riyadh-hotels", "name": "Riyadh Hotels", "currencyCode": "SAR"}
		with := func(k string, v any) vars {
			in := vars{}
			for kk, vv := range base {
				in[kk] = vv
			}
			in[k] = v
			return vars{"t": tenantA, "in": in}
		}
		requireErr(t, f.API.Do(t, ta, createQ, with("handle", "Riyadh Hotels")), "BAD_USER_INPUT", "handle")
		requireErr(t, f.API.Do(t, ta, createQ, with("currencyCode", "sar")), "BAD_USER_INPUT", "currencyCode")
		requireErr(t, f.API.Do(t, ta, createQ, with("timeZone", "Mars/Olympus")), "BAD_USER_INPUT", "timeZone")
		requireErr(t, f.API.Do(t, ta, createQ, with("discountBps", 10001)), "BAD_USER_INPUT", "discountBps")
		requireErr(t, f.API.Do(t, ta, createQ, with("approval", "above")), "BAD_USER_INPUT", "approvalThreshold")
		requireErr(t, f.API.Do(t, ta, createQ, with("billingAddress", vars{"firstName": "A", "lastName": "B", "address1": "", "city": "Riyadh", "countryCode": "SA"})),
			"BAD_USER_INPUT", "billingAddress.address1")

		// Only the tenant's admins create companies.
		in := with("approval", "above")
		in["in"].(vars)["approvalThreshold"] = 500000
		in["in"].(vars)["timeZone"] = "Asia/Riyadh"
		for _, p := range []string{testenv.ManagerA1, testenv.CustomerA, testenv.SecretB, testenv.TenantAdminB, testenv.VendorAdminV1} {
			requireErr(t, f.API.Do(t, f.As(p), createQ, in), "FORBIDDEN")
		}
		var made struct {
			CreateCompany struct{ ID, Status, Approval, TimeZone string }
		}
		f.API.MustDo(t, ta, createQ, in).Decode(t, &made)
		c1 := made.CreateCompany.ID
		assert.Equal(t, "active", made.CreateCompany.Status)
		assert.Equal(t, "Asia/Riyadh", made.CreateCompany.TimeZone)
		requireErr(t, f.API.Do(t, ta, createQ, with("name", "Again")), "CONFLICT")
		var other struct{ CreateCompany struct{ ID string } }
		f.API.MustDo(t, ta, createQ, vars{"t": tenantA, "in": vars{"handle": "jeddah-cafes", "name": "Jeddah Cafes", "currencyCode": "SAR"}}).Decode(t, &other)
		c2 := other.CreateCompany.ID

		// People: an admin and two buyers of C1, an admin of C2, a customer of tenant B.
		admin1 := customer(t, f, f.StoreA1.ID, "admin@riyadh-hotels.test")
		buyer1 := customer(t, f, f.StoreA1.ID, "buyer1@riyadh-hotels.test")
		customer(t, f, f.StoreA1.ID, "buyer2@riyadh-hotels.test")
		admin2 := customer(t, f, f.StoreA1.ID, "admin@jeddah-cafes.test")
		customer(t, f, f.StoreB1.ID, "someone@tenant-b.test")
		add := func(h testenv.Headers, c, email, role string, limit ...any) *testenv.Response {
			v := vars{"c": c, "e": email, "r": role}
			if len(limit) == 2 {
				v["l"], v["p"] = limit[0], limit[1]
			}
			return f.API.Do(t, h, addQ, v)
		}
		testenv.RequireError(t, add(admin1, c1, "buyer1@riyadh-hotels.test", "buyer"), "FORBIDDEN", "")
		f.API.MustDo(t, ta, addQ, vars{"c": c1, "e": "admin@riyadh-hotels.test", "r": "company_admin"})
		f.API.MustDo(t, ta, addQ, vars{"c": c2, "e": "admin@jeddah-cafes.test", "r": "company_admin"})

		// C1's admin adds its buyers, with a limit that goes with its period.
		requireErr(t, add(admin1, c1, "buyer1@riyadh-hotels.test", "buyer", 500000, nil), "BAD_USER_INPUT", "spendingLimit")
		var b1 struct{ AddCompanyEmployee employeeOut }
		require.Empty(t, add(admin1, c1, "buyer1@riyadh-hotels.test", "buyer", 500000, "month").Errors)
		add(admin1, c1, "buyer2@riyadh-hotels.test", "buyer").Decode(t, &struct{}{})
		rb1 := f.API.MustDo(t, ta, `query($id: ID!) { company(id: $id) { employees(first: 10, where: {role: buyer}) { edges { node { id user { email } } } } } }`, vars{"id": c1})
		var list struct {
			Company struct {
				Employees struct {
					Edges []struct {
						Node struct {
							ID   string
							User struct{ Email string }
						}
					}
				}
			}
		}
		rb1.Decode(t, &list)
		byEmail := map[string]string{}
		for _, e := range list.Company.Employees.Edges {
			byEmail[e.Node.User.Email] = e.Node.ID
		}
		b1.AddCompanyEmployee.ID = byEmail["buyer1@riyadh-hotels.test"]
		require.NotEmpty(t, b1.AddCompanyEmployee.ID)

		// Not another company's, not a stranger, not twice, not from another tenant.
		requireErr(t, add(admin1, c2, "buyer2@riyadh-hotels.test", "buyer"), "NOT_FOUND")
		requireErr(t, add(admin1, c1, "nobody@riyadh-hotels.test", "buyer"), "NOT_FOUND")
		requireErr(t, add(admin1, c1, "someone@tenant-b.test", "buyer"), "NOT_FOUND")
		requireErr(t, add(ta, c2, "buyer1@riyadh-hotels.test", "buyer"), "CONFLICT")
		requireErr(t, add(buyer1, c1, "admin@jeddah-cafes.test", "buyer"), "FORBIDDEN")

		// Who sees what.
		assert.Equal(t, 3, read(t, f, admin1, c1).Employees.TotalCount)
		assert.Equal(t, 3, read(t, f, ta, c1).Employees.TotalCount)
		var managed struct{ Company *struct{ Handle string } }
		f.API.MustDo(t, f.As(testenv.ManagerA1), `query($id: ID!) { company(id: $id) { handle } }`, vars{"id": c1}).Decode(t, &managed)
		require.NotNil(t, managed.Company, "store managers read the tenant's companies")
		requireErr(t, f.API.Do(t, f.As(testenv.ManagerA1), readQ, vars{"id": c1}), "FORBIDDEN")
		mine := read(t, f, buyer1, c1)
		require.NotNil(t, mine)
		require.Equal(t, 1, mine.Employees.TotalCount, "a buyer sees its own row")
		assert.Equal(t, "buyer1@riyadh-hotels.test", mine.Employees.Edges[0].Node.User.Email)
		assert.Equal(t, int64(500000), *mine.Employees.Edges[0].Node.SpendingLimit)
		assert.Nil(t, read(t, f, admin2, c1), "another company's admin")
		for _, p := range []string{testenv.CustomerA, testenv.SecretB, testenv.TenantAdminB, testenv.VendorAdminV1, testenv.PublishableA} {
			assert.True(t, hidden(t, f, f.As(p), c1), p)
		}

		// C1's admin changes its buyers, not itself, not another company's people, and
		// not the company.
		var changed struct{ UpdateCompanyEmployee employeeOut }
		f.API.MustDo(t, admin1, changeQ, vars{"id": b1.AddCompanyEmployee.ID, "in": vars{"clearSpendingLimit": true}}).Decode(t, &changed)
		assert.Nil(t, changed.UpdateCompanyEmployee.SpendingLimit)
		assert.Nil(t, changed.UpdateCompanyEmployee.SpendingPeriod)
		requireErr(t, f.API.Do(t, admin1, changeQ, vars{"id": b1.AddCompanyEmployee.ID, "in": vars{"clearSpendingLimit": true, "spendingLimit": 5}}), "BAD_USER_INPUT", "clearSpendingLimit")
		admins := f.API.MustDo(t, ta, `query($id: ID!) { company(id: $id) { employees(first: 10, where: {role: company_admin}) { edges { node { id } } } } }`, vars{"id": c1})
		var own struct {
			Company struct {
				Employees struct {
					Edges []struct{ Node struct{ ID string } }
				}
			}
		}
		admins.Decode(t, &own)
		requireErr(t, f.API.Do(t, admin1, changeQ, vars{"id": own.Company.Employees.Edges[0].Node.ID, "in": vars{"role": "buyer"}}), "FORBIDDEN")
		requireErr(t, f.API.Do(t, admin2, changeQ, vars{"id": b1.AddCompanyEmployee.ID, "in": vars{"status": "deactivated"}}), "NOT_FOUND")
		requireErr(t, f.API.Do(t, f.As(testenv.TenantAdminB), changeQ, vars{"id": b1.AddCompanyEmployee.ID, "in": vars{"status": "deactivated"}}), "NOT_FOUND")
		requireErr(t, f.API.Do(t, admin1, updateQ, vars{"id": c1, "in": vars{"name": "Mine"}}), "FORBIDDEN")
		requireErr(t, f.API.Do(t, f.As(testenv.TenantAdminB), updateQ, vars{"id": c1, "in": vars{"name": "Theirs"}}), "NOT_FOUND")

		// Deactivated, the buyer no longer sees the company.
		f.API.MustDo(t, admin1, changeQ, vars{"id": b1.AddCompanyEmployee.ID, "in": vars{"status": "deactivated"}})
		assert.True(t, hidden(t, f, buyer1, c1))

		// Suspended, the company's admin reads and no longer changes its people.
		var upd struct{ UpdateCompany struct{ Status string } }
		f.API.MustDo(t, ta, updateQ, vars{"id": c1, "in": vars{"status": "suspended"}}).Decode(t, &upd)
		assert.Equal(t, "suspended", upd.UpdateCompany.Status)
		require.NotNil(t, read(t, f, admin1, c1))
		requireErr(t, f.API.Do(t, admin1, changeQ, vars{"id": b1.AddCompanyEmployee.ID, "in": vars{"status": "active"}}), "FORBIDDEN")
		requireErr(t, f.API.Do(t, ta, updateQ, vars{"id": c1, "in": vars{"approval": "none", "approvalThreshold": -1}}), "BAD_USER_INPUT", "approvalThreshold")
	})
}
