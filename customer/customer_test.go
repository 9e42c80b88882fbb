package customer_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// The shared test helpers (package testenv), under the names this package's tests use.
var (
	id          = testenv.ID
	requireCode = testenv.RequireError
)

const (
	hostA1 = "a1.dakkah.test"
	hostA2 = "a2.dakkah.test"
	hostB1 = "b1.dakkah.test"
	pw     = "shopper-password"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "customer-test") }

const (
	qRegister = `mutation($in: RegisterCustomerInput!) { registerCustomer(input: $in) { accessToken refreshToken user { id email name } } }`
	qLogin    = `mutation($e: String!, $p: String!, $s: ID) { customerLogin(email: $e, password: $p, storeId: $s) { accessToken user { id email } } }`
	qStaff    = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }`
)

type session struct {
	AccessToken string
	User        struct{ ID, Email, Name string }
}

func (s session) headers() testenv.Headers {
	return testenv.Headers{"Authorization": "Bearer " + s.AccessToken}
}

func register(t *testing.T, c *testenv.Commerce, h testenv.Headers, in map[string]any) (*testenv.Response, session) {
	t.Helper()
	r := c.API.Do(t, h, qRegister, map[string]any{"in": in})
	var out struct{ RegisterCustomer session }
	if len(r.Errors) == 0 {
		r.Decode(t, &out)
	}
	return r, out.RegisterCustomer
}

func mustRegister(t *testing.T, c *testenv.Commerce, h testenv.Headers, in map[string]any) session {
	t.Helper()
	r, s := register(t, c, h, in)
	require.Empty(t, r.Errors, "%+v", r.Errors)
	require.NotEmpty(t, s.AccessToken)
	return s
}

func login(t *testing.T, c *testenv.Commerce, h testenv.Headers, email, password string, storeID *int) (*testenv.Response, session) {
	t.Helper()
	vars := map[string]any{"e": email, "p": password}
	if storeID != nil {
		vars["s"] = id(*storeID)
	}
	r := c.API.Do(t, h, qLogin, vars)
	var out struct{ CustomerLogin session }
	if len(r.Errors) == 0 {
		r.Decode(t, &out)
	}
	return r, out.CustomerLogin
}

func TestRegisterAndLoginPerTenant(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		anon := c.As(testenv.Anonymous)

		atA := mustRegister(t, c, c.Shop(testenv.Anonymous, hostA1), map[string]any{"email": " Shopper@Example.com ", "password": pw, "name": " Sara "})
		require.Equal(t, "shopper@example.com", atA.User.Email)
		require.Equal(t, "Sara", atA.User.Name)
		atB := mustRegister(t, c, anon, map[string]any{"email": "shopper@example.com", "password": pw, "storeId": id(c.StoreB1.ID)})
		require.NotEqual(t, atA.User.ID, atB.User.ID, "the same e-mail at two tenants is two accounts")

		// Each account belongs to its tenant's realm and is that tenant's customer.
		for s, tenantID := range map[session]int{atA: c.TenantA.ID, atB: c.TenantB.ID} {
			uid, _ := strconv.Atoi(s.User.ID)
			u, err := db.Client.User.Query().Where(user.ID(uid)).WithMemberships().Only(sys())
			require.NoError(t, err)
			require.Equal(t, tenantID, u.Realm)
			require.Len(t, u.Edges.Memberships, 1)
			require.Equal(t, "customer", string(u.Edges.Memberships[0].Role))
			require.Equal(t, tenantID, *u.Edges.Memberships[0].TenantID)
			me := c.API.MustDo(t, s.headers(), `{ me { id email } }`, nil)
			require.JSONEq(t, `{"me":{"id":"`+s.User.ID+`","email":"shopper@example.com"}}`, string(me.Data))
		}

		// Another store of the same tenant is the same realm.
		r, _ := register(t, c, c.Shop(testenv.Anonymous, hostA2), map[string]any{"email": "SHOPPER@example.com", "password": pw})
		requireCode(t, r, "CONFLICT", "email")

		// Signing in: the store names the tenant, whose account answers.
		_, s := login(t, c, anon, "shopper@example.com", pw, &c.StoreA1.ID)
		require.Equal(t, atA.User.ID, s.User.ID)
		_, s = login(t, c, anon, "shopper@example.com", pw, &c.StoreB1.ID)
		require.Equal(t, atB.User.ID, s.User.ID)
		_, s = login(t, c, c.Shop(testenv.Anonymous, hostA2), "shopper@example.com", pw, nil)
		require.Equal(t, atA.User.ID, s.User.ID)
		r, _ = login(t, c, anon, "shopper@example.com", "wrong-password", &c.StoreA1.ID)
		requireCode(t, r, "UNAUTHENTICATED")
		r, _ = login(t, c, anon, "shopper@example.com", pw, nil)
		requireCode(t, r, "BAD_USER_INPUT", "storeId")

		// Staff and customer accounts do not mix: each sign-in only knows its own realm.
		r = c.API.Do(t, anon, qStaff, map[string]any{"e": "shopper@example.com", "p": pw})
		requireCode(t, r, "UNAUTHENTICATED")
		r, _ = login(t, c, anon, "admin@acme.test", testenv.Password, &c.StoreA1.ID)
		requireCode(t, r, "UNAUTHENTICATED")
		// A platform account holding a customer grant is still not one of the tenant's accounts.
		r, _ = login(t, c, anon, "customer@acme.test", testenv.Password, &c.StoreA1.ID)
		requireCode(t, r, "UNAUTHENTICATED")

		// A staff e-mail may also shop as a customer: a separate account.
		shopper := mustRegister(t, c, c.Shop(testenv.Anonymous, hostA1), map[string]any{"email": "admin@acme.test", "password": pw})
		require.NotEqual(t, id(c.Users[testenv.TenantAdminA].ID), shopper.User.ID)
		staff := c.API.MustDo(t, anon, qStaff, map[string]any{"e": "admin@acme.test", "p": testenv.Password})
		require.Contains(t, string(staff.Data), `"id":"`+id(c.Users[testenv.TenantAdminA].ID)+`"`)
		_, s = login(t, c, anon, "admin@acme.test", pw, &c.StoreA1.ID)
		require.Equal(t, shopper.User.ID, s.User.ID)
	})
}

func TestRegistrationIsChecked(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		anon := c.As(testenv.Anonymous)
		a1 := c.Shop(testenv.Anonymous, hostA1)

		r, _ := register(t, c, anon, map[string]any{"email": "x@example.com", "password": pw})
		requireCode(t, r, "BAD_USER_INPUT", "storeId")
		r, _ = register(t, c, anon, map[string]any{"email": "x@example.com", "password": pw, "storeId": "999999"})
		requireCode(t, r, "BAD_USER_INPUT", "storeId")
		r, _ = register(t, c, a1, map[string]any{"email": "x@example.com", "password": pw, "storeId": id(c.StoreB1.ID)})
		requireCode(t, r, "BAD_USER_INPUT", "storeId")
		r, _ = register(t, c, a1, map[string]any{"email": "not-an-email", "password": pw})
		requireCode(t, r, "BAD_USER_INPUT", "email")
		r, _ = register(t, c, a1, map[string]any{"email": "x@example.com", "password": "short"})
		requireCode(t, r, "BAD_USER_INPUT", "password")

		// Only an open store takes registrations.
		require.NoError(t, db.Client.Store.UpdateOneID(c.StoreA2.ID).SetStatus(store.StatusInactive).Exec(sys()))
		r, _ = register(t, c, anon, map[string]any{"email": "x@example.com", "password": pw, "storeId": id(c.StoreA2.ID)})
		requireCode(t, r, "STORE_CLOSED")
		c.SetTenantStatus(t, c.TenantB.ID, tenant.StatusSuspended)
		r, _ = register(t, c, anon, map[string]any{"email": "x@example.com", "password": pw, "storeId": id(c.StoreB1.ID)})
		requireCode(t, r, "STORE_CLOSED")

		n, err := db.Client.User.Query().Where(user.Email("x@example.com")).Count(sys())
		require.NoError(t, err)
		require.Zero(t, n, "no account was created")
	})
}

const (
	qAddAddress = `mutation($a: AddressInput!) { addCustomerAddress(input: $a) { id firstName city countryCode userID } }`
	qDelAddress = `mutation($id: ID!) { deleteCustomerAddress(id: $id) }`
	qMyAddress  = `{ me { addresses { id city } } }`
)

var jeddah = map[string]any{"firstName": " Sara ", "lastName": "Al-Harbi", "address1": "Tahlia St 5", "city": "Jeddah", "countryCode": "sa"}

func TestCustomerAddresses(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		a1 := c.Shop(testenv.Anonymous, hostA1)
		sara := mustRegister(t, c, a1, map[string]any{"email": "sara@example.com", "password": pw})
		omar := mustRegister(t, c, a1, map[string]any{"email": "omar@example.com", "password": pw})

		r := c.API.MustDo(t, sara.headers(), qAddAddress, map[string]any{"a": jeddah})
		var out struct {
			AddCustomerAddress struct{ ID, FirstName, City, CountryCode, UserID string }
		}
		r.Decode(t, &out)
		a := out.AddCustomerAddress
		require.Equal(t, "Sara", a.FirstName)
		require.Equal(t, "SA", a.CountryCode)
		require.Equal(t, sara.User.ID, a.UserID)
		mine := c.API.MustDo(t, sara.headers(), qMyAddress, nil)
		require.JSONEq(t, `{"me":{"addresses":[{"id":"`+a.ID+`","city":"Jeddah"}]}}`, string(mine.Data))
		theirs := c.API.MustDo(t, omar.headers(), qMyAddress, nil)
		require.JSONEq(t, `{"me":{"addresses":[]}}`, string(theirs.Data))

		bad := map[string]any{"firstName": "S", "lastName": "A", "address1": "x", "city": "Jeddah", "countryCode": "Saudi"}
		requireCode(t, c.API.Do(t, sara.headers(), qAddAddress, map[string]any{"a": bad}), "BAD_USER_INPUT", "input.countryCode")
		requireCode(t, c.API.Do(t, a1, qAddAddress, map[string]any{"a": jeddah}), "UNAUTHENTICATED")
		requireCode(t, c.API.Do(t, c.As(testenv.TenantAdminA), qAddAddress, map[string]any{"a": jeddah}), "FORBIDDEN")

		// Nobody else removes it.
		for _, h := range []testenv.Headers{omar.headers(), c.As(testenv.TenantAdminB), c.As(testenv.SecretB)} {
			requireCode(t, c.API.Do(t, h, qDelAddress, map[string]any{"id": a.ID}), "NOT_FOUND", "id")
		}
		requireCode(t, c.API.Do(t, a1, qDelAddress, map[string]any{"id": a.ID}), "UNAUTHENTICATED")
		del := c.API.MustDo(t, sara.headers(), qDelAddress, map[string]any{"id": a.ID})
		require.JSONEq(t, `{"deleteCustomerAddress":"`+a.ID+`"}`, string(del.Data))
		mine = c.API.MustDo(t, sara.headers(), qMyAddress, nil)
		require.JSONEq(t, `{"me":{"addresses":[]}}`, string(mine.Data))
	})
}

func TestStaffListTheirTenantsCustomers(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		sara := mustRegister(t, c, c.Shop(testenv.Anonymous, hostA1), map[string]any{"email": "sara@example.com", "password": pw})
		omar := mustRegister(t, c, c.Shop(testenv.Anonymous, hostA2), map[string]any{"email": "omar@example.com", "password": pw})
		mustRegister(t, c, c.Shop(testenv.Anonymous, hostB1), map[string]any{"email": "sara@example.com", "password": pw})

		list := func(h testenv.Headers, tenantID int, extra string) *testenv.Response {
			return c.API.Do(t, h, `query($t: ID!) { customers(tenantId: $t`+extra+`) { totalCount edges { node { id email } } } }`,
				map[string]any{"t": id(tenantID)})
		}
		ids := func(r *testenv.Response) []string {
			require.Empty(t, r.Errors, "%+v", r.Errors)
			var out struct {
				Customers struct {
					Edges []struct{ Node struct{ ID string } }
				}
			}
			r.Decode(t, &out)
			var got []string
			for _, e := range out.Customers.Edges {
				got = append(got, e.Node.ID)
			}
			return got
		}
		for _, who := range []string{testenv.TenantAdminA, testenv.SuperAdmin} {
			require.ElementsMatch(t, []string{sara.User.ID, omar.User.ID}, ids(list(c.As(who), c.TenantA.ID, "")), who)
		}
		// A store manager, only customers with a cart or an order in its store: none yet.
		require.Empty(t, ids(list(c.As(testenv.ManagerA1), c.TenantA.ID, "")))
		require.Equal(t, []string{sara.User.ID}, ids(list(c.As(testenv.TenantAdminA), c.TenantA.ID, `, where: {emailHasPrefix: "sara"}`)))
		require.Len(t, ids(list(c.As(testenv.TenantAdminA), c.TenantA.ID, `, first: 1`)), 1)
		requireCode(t, list(c.As(testenv.TenantAdminA), c.TenantA.ID, `, first: 1000`), "BAD_USER_INPUT", "first")
		requireCode(t, list(c.As(testenv.TenantAdminA), 0, ""), "BAD_USER_INPUT", "tenantId")

		// Another tenant's staff see none of A's customers.
		for _, who := range []string{testenv.TenantAdminB, testenv.SecretB} {
			require.Empty(t, ids(list(c.As(who), c.TenantA.ID, "")), who)
		}
		require.Empty(t, ids(list(omar.headers(), c.TenantB.ID, "")))
		requireCode(t, list(c.As(testenv.Anonymous), c.TenantA.ID, ""), "UNAUTHENTICATED")
	})
}

func TestCustomersSeeTheirOwnOrders(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		sara := mustRegister(t, c, c.Shop(testenv.Anonymous, hostA1), map[string]any{"email": "sara@example.com", "password": pw})
		omar := mustRegister(t, c, c.Shop(testenv.Anonymous, hostA1), map[string]any{"email": "omar@example.com", "password": pw})
		saraID, _ := strconv.Atoi(sara.User.ID)
		omarID, _ := strconv.Atoi(omar.User.ID)
		order := func(n, customerID int, total int64) string {
			o, err := db.Client.Order.Create().SetTenantID(c.TenantA.ID).SetStoreID(c.StoreA1.ID).SetDisplayID(n).
				SetIdempotencyKey("order-" + id(n)).SetCustomerID(customerID).SetCurrencyCode("SAR").
				SetSubtotal(total).SetShippingTotal(0).SetTaxTotal(0).SetTotal(total).SetPaymentProvider("manual").Save(sys())
			require.NoError(t, err)
			return id(o.ID)
		}
		first := order(1, saraID, 1000)
		second := order(2, saraID, 2000)
		order(3, omarID, 3000)

		q := `query($n: Int) { me { orders(first: $n) { totalCount edges { node { id total } } } } }`
		r := c.API.MustDo(t, sara.headers(), q, nil)
		require.JSONEq(t, `{"me":{"orders":{"totalCount":2,"edges":[
			{"node":{"id":"`+second+`","total":2000}},{"node":{"id":"`+first+`","total":1000}}]}}}`, string(r.Data))
		r = c.API.MustDo(t, sara.headers(), q, map[string]any{"n": 1})
		require.Contains(t, string(r.Data), `"totalCount":2`)
		require.NotContains(t, string(r.Data), first)
		requireCode(t, c.API.Do(t, sara.headers(), q, map[string]any{"n": 101}), "BAD_USER_INPUT", "first")

		// Her tenant's admin sees them through her account (B's staff do not see her at all).
		r = c.API.MustDo(t, c.As(testenv.TenantAdminA), `query($t: ID!) { customers(tenantId: $t, where: {emailHasPrefix: "sara"}) {
			edges { node { orders { totalCount } } } } }`, map[string]any{"t": id(c.TenantA.ID)})
		require.JSONEq(t, `{"customers":{"edges":[{"node":{"orders":{"totalCount":2}}}]}}`, string(r.Data))
	})
}
