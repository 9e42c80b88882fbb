package checkouttest

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/testenv"
)

// Clock is a time tests move by hand (config.Config.Now).
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock is a clock at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Add moves the clock on by d.
func (c *Clock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// Person is a customer account with the headers that sign in as it.
type Person struct {
	User     *ent.User
	Headers  testenv.Headers
	Employee *ent.Employee
}

// B2B is the commerce fixture with store A1 made a b2b store and a company of tenant A,
// "hotel" (buys in SAR, in Riyadh's time zone), with its admin and two buyers: Buyer1
// with a limit of 1,000.00 SAR a month, Buyer2 with none; Outsider is a customer of
// tenant A who works for no company. Other is a second company of tenant A with its own
// admin and buyer.
type B2B struct {
	*testenv.Commerce
	Company, Other                  *ent.Company
	Admin, Buyer1, Buyer2, Outsider Person
	OtherAdmin, OtherBuyer          Person
}

// NewB2B builds the B2B fixture.
func NewB2B(t testing.TB, c *testenv.Commerce) *B2B {
	t.Helper()
	ctx, cl := Sys(), c.API.DB.Client
	require.NoError(t, cl.Store.UpdateOneID(c.StoreA1.ID).SetStorefrontType(store.StorefrontTypeB2b).Exec(ctx))
	company := func(handle string) *ent.Company {
		co, err := cl.Company.Create().SetTenantID(c.TenantA.ID).SetHandle(handle).SetName(handle).
			SetCurrencyCode("SAR").SetTimeZone("Asia/Riyadh").Save(ctx)
		require.NoError(t, err)
		return co
	}
	b := &B2B{Commerce: c, Company: company("hotel"), Other: company("globex")}
	person := func(co *ent.Company, email string, role employee.Role, limit int64) Person {
		u, h := Register(t, c, c.StoreA1, email)
		p := Person{User: u, Headers: h}
		if co != nil {
			create := cl.Employee.Create().SetTenantID(c.TenantA.ID).SetCompanyID(co.ID).SetUserID(u.ID).SetRole(role)
			if limit > 0 {
				create.SetSpendingLimit(limit).SetSpendingPeriod(employee.SpendingPeriodMonth)
			}
			e, err := create.Save(ctx)
			require.NoError(t, err)
			p.Employee = e
		}
		return p
	}
	b.Admin = person(b.Company, "admin@hotel.test", employee.RoleCompanyAdmin, 0)
	b.Buyer1 = person(b.Company, "buyer1@hotel.test", employee.RoleBuyer, 100000)
	b.Buyer2 = person(b.Company, "buyer2@hotel.test", employee.RoleBuyer, 0)
	b.Outsider = person(nil, "someone@example.test", "", 0)
	b.OtherAdmin = person(b.Other, "admin@globex.test", employee.RoleCompanyAdmin, 0)
	b.OtherBuyer = person(b.Other, "buyer@globex.test", employee.RoleBuyer, 0)
	return b
}

// Register signs a customer up in store s through the API, as a storefront does (the
// account belongs to the store's tenant), and answers it with the headers that sign in
// as it.
func Register(t testing.TB, c *testenv.Commerce, s *ent.Store, email string) (*ent.User, testenv.Headers) {
	t.Helper()
	var out struct{ RegisterCustomer struct{ AccessToken string } }
	c.API.MustDo(t, nil, `mutation($e: String!, $s: ID!) { registerCustomer(input: {email: $e, password: "b2b-password-1", storeId: $s}) { accessToken } }`,
		map[string]any{"e": email, "s": ID(s.ID)}).Decode(t, &out)
	u, err := c.API.DB.Client.User.Query().Where(user.Email(email), user.Realm(s.TenantID)).Only(Sys())
	require.NoError(t, err)
	return u, testenv.Headers{"Authorization": "Bearer " + out.RegisterCustomer.AccessToken}
}

// In returns p's headers shopping in store s.
func (p Person) In(s *ent.Store) testenv.Headers {
	h := testenv.Headers{"X-Store-Host": Host(s)}
	for k, v := range p.Headers {
		h[k] = v
	}
	return h
}

// Cart builds a ready cart of p in store A1 with items (one thobe, 250.00 SAR, when none).
func (b *B2B) Cart(t testing.TB, p Person, items ...Item) *ent.Cart {
	t.Helper()
	return Build(t, b.Commerce, Cart{Customer: p.User, Items: items})
}
