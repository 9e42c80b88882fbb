package companies_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/testenv"
)

const (
	employmentQ = `{ me { employment { role spendingLimit spentThisPeriod company { id name } } } }`
	peopleQ     = `query($id: ID!) { company(id: $id) { employees(first: 10) { edges { node { user { email } spentThisPeriod } } } } }`
)

type employmentOut struct {
	Me struct {
		Employment *struct {
			Role            string
			SpendingLimit   *int64
			SpentThisPeriod *int64
			Company         struct{ ID, Name string }
		}
	}
}

// A customer learns the company it works for, its role and what it has spent of its
// limit from me.employment; a company's admins and the tenant's admins read what each of
// its people spent. A customer of no company, another company and another tenant learn
// nothing of it.
func TestMyEmploymentAndWhatIHaveSpent(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := ct.NewB2B(t, testenv.NewCommerce(t, db))
		employment := func(h testenv.Headers) employmentOut {
			var out employmentOut
			b.API.MustDo(t, h, employmentQ, nil).Decode(t, &out)
			return out
		}

		mine := employment(b.Buyer1.In(b.StoreA1)).Me.Employment
		require.NotNil(t, mine)
		assert.Equal(t, "buyer", mine.Role)
		assert.Equal(t, ct.ID(b.Company.ID), mine.Company.ID)
		assert.Equal(t, "hotel", mine.Company.Name)
		require.NotNil(t, mine.SpentThisPeriod)
		assert.Zero(t, *mine.SpentThisPeriod)

		// An order for the company counts in the month of the buyer's limit.
		var placed struct{ CompleteCart struct{ Total int64 } }
		b.API.MustDo(t, b.Buyer1.In(b.StoreA1), `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "spent-1") { total } }`,
			map[string]any{"c": ct.ID(b.Cart(t, b.Buyer1).Token)}).Decode(t, &placed)
		require.Positive(t, placed.CompleteCart.Total)
		mine = employment(b.Buyer1.In(b.StoreA1)).Me.Employment
		require.NotNil(t, mine.SpentThisPeriod)
		assert.Equal(t, placed.CompleteCart.Total, *mine.SpentThisPeriod)

		noLimit := employment(b.Buyer2.In(b.StoreA1)).Me.Employment
		require.NotNil(t, noLimit)
		assert.Nil(t, noLimit.SpentThisPeriod, "no limit, nothing counted")
		assert.Nil(t, employment(b.Outsider.In(b.StoreA1)).Me.Employment, "a customer of no company")
		other := employment(b.OtherBuyer.In(b.StoreA1)).Me.Employment
		require.NotNil(t, other)
		assert.Equal(t, ct.ID(b.Other.ID), other.Company.ID, "each sees its own company")

		spentOf := func(h testenv.Headers) map[string]*int64 {
			var out struct {
				Company *struct {
					Employees struct {
						Edges []struct {
							Node struct {
								User            struct{ Email string }
								SpentThisPeriod *int64
							}
						}
					}
				}
			}
			r := b.API.Do(t, h, peopleQ, map[string]any{"id": ct.ID(b.Company.ID)})
			for _, e := range r.Errors {
				require.Contains(t, []any{"FORBIDDEN", "NOT_FOUND"}, e.Extensions["code"], "refused, not failed")
			}
			r.Decode(t, &out)
			if out.Company == nil {
				return nil
			}
			got := map[string]*int64{}
			for _, e := range out.Company.Employees.Edges {
				got[e.Node.User.Email] = e.Node.SpentThisPeriod
			}
			return got
		}
		for _, h := range []testenv.Headers{b.Admin.In(b.StoreA1), b.As(testenv.TenantAdminA)} {
			people := spentOf(h)
			require.Contains(t, people, "buyer1@hotel.test")
			require.NotNil(t, people["buyer1@hotel.test"])
			assert.Equal(t, placed.CompleteCart.Total, *people["buyer1@hotel.test"])
		}
		// Another company's admin, another tenant's admin, customer and key: nothing.
		assert.Nil(t, spentOf(b.OtherAdmin.In(b.StoreA1)))
		assert.Nil(t, spentOf(b.As(testenv.TenantAdminB)))
		assert.Nil(t, spentOf(b.As(testenv.SecretB)))
		_, outsiderB := ct.Register(t, b.Commerce, b.StoreB1, "buyer1@hotel.test")
		assert.Nil(t, spentOf(outsiderB))
		assert.Nil(t, employment(outsiderB).Me.Employment, "the same e-mail at another tenant works for no company")
	})
}

// A page of a company's people reads the company once for all their periods, and one
// sum of orders for each length of period among their limits.
func TestSpentOfAPageOfPeopleReadsTheirCompanyOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := ct.NewB2B(t, testenv.NewCommerce(t, db))
		require.NoError(t, db.Client.Employee.UpdateOneID(b.Buyer2.Employee.ID).
			SetSpendingLimit(50000).SetSpendingPeriod(employee.SpendingPeriodWeek).Exec(ct.Sys()))
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		log.Take()
		api.MustDo(t, b.Admin.In(b.StoreA1), peopleQ, map[string]any{"id": ct.ID(b.Company.ID)})
		companies, sums := 0, 0
		for _, st := range log.Take() {
			q := strings.ReplaceAll(st.SQL, "`", `"`)
			switch {
			case strings.Contains(q, `FROM "companies"`) && strings.Contains(q, `"companies"."handle"`): // a row, not a status check
				companies++
			case strings.Contains(q, `SUM(`) || strings.Contains(q, `sum(`):
				sums++
			}
		}
		assert.Equal(t, 2, companies, "the company of company(id), and once for its people")
		assert.Equal(t, 2, sums, "buyer1's limit is by the month, buyer2's by the week; the admin has none")
	})
}

const customersQ = `query($t: ID!) { customers(tenantId: $t, first: 50) { edges { node { email employment { role company { name } } } } } }`

// A page of customers reads the employee rows of all of them in one statement, as its
// reader may see them: the tenant's admin sees every company's people; a store manager,
// who may see no employee row, gets nulls, not an error.
func TestAPageOfCustomersReadsTheirEmploymentAtOnce(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := ct.NewB2B(t, testenv.NewCommerce(t, db))
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		employmentOf := func(h testenv.Headers) (map[string]string, int) {
			var out struct {
				Customers struct {
					Edges []struct {
						Node struct {
							Email      string
							Employment *struct {
								Role    string
								Company struct{ Name string }
							}
						}
					}
				}
			}
			log.Take()
			api.MustDo(t, h, customersQ, map[string]any{"t": ct.ID(b.TenantA.ID)}).Decode(t, &out)
			reads := 0 // of employee rows and their companies
			for _, st := range log.Take() {
				q := strings.ReplaceAll(st.SQL, "`", `"`)
				if strings.Contains(q, `FROM "employees"`) || strings.Contains(q, `FROM "companies"`) {
					reads++
				}
			}
			got := map[string]string{}
			for _, e := range out.Customers.Edges {
				got[e.Node.Email] = ""
				if e.Node.Employment != nil {
					got[e.Node.Email] = e.Node.Employment.Role + "@" + e.Node.Employment.Company.Name
				}
			}
			return got, reads
		}

		people, reads := employmentOf(b.As(testenv.TenantAdminA))
		assert.Equal(t, "buyer@hotel", people["buyer1@hotel.test"])
		assert.Equal(t, "buyer@hotel", people["buyer2@hotel.test"])
		assert.Equal(t, "company_admin@hotel", people["admin@hotel.test"])
		assert.Equal(t, "buyer@globex", people["buyer@globex.test"])
		assert.Contains(t, people, "someone@example.test")
		assert.Empty(t, people["someone@example.test"], "a customer of no company")
		assert.Equal(t, 2, reads, "one read of the page's employee rows, one of their companies")

		b.Cart(t, b.Buyer1) // a store's manager lists the customers who shop there
		people, _ = employmentOf(b.As(testenv.ManagerA1))
		require.Contains(t, people, "buyer1@hotel.test")
		assert.Empty(t, people["buyer1@hotel.test"], "a store manager sees no employee row")
	})
}

// A page of a company's people sums what they spent once for each length of period
// among their limits, each person's figure its own.
func TestAPageOfPeopleSumsTheirSpendOncePerPeriod(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		b := ct.NewB2B(t, testenv.NewCommerce(t, db))
		var placed struct{ CompleteCart struct{ Total int64 } }
		b.API.MustDo(t, b.Buyer1.In(b.StoreA1), `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "sums-1") { total } }`,
			map[string]any{"c": ct.ID(b.Cart(t, b.Buyer1).Token)}).Decode(t, &placed)
		api, log := testenv.CountedAPI(t, db, testenv.Config())
		spent := func(period employee.SpendingPeriod) (map[string]*int64, int) {
			require.NoError(t, db.Client.Employee.UpdateOneID(b.Buyer2.Employee.ID).
				SetSpendingLimit(50000).SetSpendingPeriod(period).Exec(ct.Sys()))
			var out struct {
				Company struct {
					Employees struct {
						Edges []struct {
							Node struct {
								User            struct{ Email string }
								SpentThisPeriod *int64
							}
						}
					}
				}
			}
			log.Take()
			api.MustDo(t, b.Admin.In(b.StoreA1), peopleQ, map[string]any{"id": ct.ID(b.Company.ID)}).Decode(t, &out)
			sums := 0
			for _, st := range log.Take() {
				if strings.Contains(st.SQL, "SUM(") || strings.Contains(st.SQL, "sum(") {
					sums++
				}
			}
			got := map[string]*int64{}
			for _, e := range out.Company.Employees.Edges {
				got[e.Node.User.Email] = e.Node.SpentThisPeriod
			}
			return got, sums
		}
		for _, tc := range []struct {
			period employee.SpendingPeriod
			sums   int
		}{{employee.SpendingPeriodMonth, 1}, {employee.SpendingPeriodWeek, 2}} {
			people, sums := spent(tc.period)
			assert.Equal(t, tc.sums, sums, "buyer2's limit by the %s", tc.period)
			require.NotNil(t, people["buyer1@hotel.test"])
			assert.Equal(t, placed.CompleteCart.Total, *people["buyer1@hotel.test"])
			require.NotNil(t, people["buyer2@hotel.test"])
			assert.Zero(t, *people["buyer2@hotel.test"], "no orders of its own")
			assert.Nil(t, people["admin@hotel.test"], "no limit")
		}
	})
}
