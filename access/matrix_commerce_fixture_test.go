package access_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/customer"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// The storefront hosts of the fixture's stores (their platform subdomains).
const (
	hostA1 = "a1.dakkah.test"
	hostB1 = "b1.dakkah.test"
)

// commerceFx are the matrix's shoppers, carts and orders, on top of the catalog of
// testenv.Commerce (thobe in A1; abaya in A1 and A2; hijab in A2; draft-oud, a draft,
// in A1; gadget in B1):
//   - ShopperA and ShopperB: customer accounts registered at A1 and at B1 (their
//     tenants' realms); customer_A, the matrix principal, is a platform account with a
//     customer role in A.
//   - an address of customer_A and one of ShopperB;
//   - a category and a collection of A and of B;
//   - three open carts, each ready to complete: customer_A's in A1 (a thobe), a guest's
//     in A2 (a hijab), ShopperB's in B1 (a gadget);
//   - three orders placed through checkout from other carts like them: customer_A's in
//     A1, a guest's in A2, ShopperB's in B1 (one unit each, payment authorised).
type commerceFx struct {
	ShopperA, ShopperB         *ent.User
	AddressCU, AddressShopperB *ent.CustomerAddress
	CategoryA, CategoryB       *ent.ProductCategory
	CollectionA, CollectionB   *ent.ProductCollection
	CartA1, CartA2, CartB1     *ent.Cart
	LineA1, LineA2, LineB1     *ent.LineItem
	OrderA1, OrderA2, OrderB1  *ent.Order
	OrderMate                  *ent.Order // mate@ca-one.test's, in A1, for company ca-one
}

// shopperCtx is an anonymous storefront request in store s (open, as the fixture's are).
func shopperCtx(s *ent.Store) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.Anonymous, StoreID: s.ID, TenantID: s.TenantID, ShopOpen: true})
}

var fixtureAddress = address.Address{FirstName: "Noura", LastName: "Saleh", Address1: "King Fahd Rd 1", City: "Riyadh", CountryCode: "SA"}

func (f *fx) addCommerce(t testing.TB) {
	t.Helper()
	ctx, cl, app := sysCtx(), f.DB.Client, f.API.App
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("matrix commerce fixture: %v", err)
		}
	}
	register := func(s *ent.Store, email string) *ent.User {
		t.Helper()
		_, err := app.Customers.Register(shopperCtx(s), customer.RegisterInput{Email: email, Password: testenv.Password})
		must(err)
		u, err := cl.User.Query().Where(user.Email(email), user.Realm(s.TenantID)).Only(ctx)
		must(err)
		return u
	}
	f.ShopperA = register(f.StoreA1, "shopper@acme.test")
	f.ShopperB = register(f.StoreB1, "shopper@bolt.test")

	addr := func(tenantID, userID int, city string) *ent.CustomerAddress {
		a, err := cl.CustomerAddress.Create().SetTenantID(tenantID).SetUserID(userID).SetFirstName("Noura").SetLastName("Saleh").
			SetAddress1("King Fahd Rd 1").SetCity(city).SetCountryCode("SA").Save(ctx)
		must(err)
		return a
	}
	f.AddressCU = addr(f.TenantA.ID, f.Users[testenv.CustomerA].ID, "Riyadh")
	f.AddressShopperB = addr(f.TenantB.ID, f.ShopperB.ID, "Jeddah")

	var err error
	f.CategoryA, err = cl.ProductCategory.Create().SetTenantID(f.TenantA.ID).SetName("Menswear").SetHandle("menswear").Save(ctx)
	must(err)
	f.CategoryB, err = cl.ProductCategory.Create().SetTenantID(f.TenantB.ID).SetName("Gear").SetHandle("gear").Save(ctx)
	must(err)
	f.CollectionA, err = cl.ProductCollection.Create().SetTenantID(f.TenantA.ID).SetTitle("Eid").SetHandle("eid").Save(ctx)
	must(err)
	f.CollectionB, err = cl.ProductCollection.Create().SetTenantID(f.TenantB.ID).SetTitle("Launch").SetHandle("launch").Save(ctx)
	must(err)

	// cart writes a cart ready to complete: one unit of handle, an e-mail, an address and
	// the region's shipping option — as the cart API would have left it.
	token := 1_000_003
	cart := func(s *ent.Store, customerID *int, handle, email string) (*ent.Cart, *ent.LineItem) {
		t.Helper()
		region, ship := f.SAR, f.ShipSAR
		if s.TenantID == f.TenantB.ID {
			region, ship = f.RegionB, f.ShipB
		}
		a := fixtureAddress
		token += 7_919
		c, err := cl.Cart.Create().SetTenantID(s.TenantID).SetStoreID(s.ID).SetToken(token).SetRegionID(region.ID).
			SetCurrencyCode(region.CurrencyCode).SetNillableCustomerID(customerID).SetEmail(email).
			SetShippingAddress(&a).SetShippingOptionID(ship.ID).Save(ctx)
		must(err)
		v := f.Variants[handle]
		p, err := cl.Price.Query().Where(price.VariantID(v.ID), price.CurrencyCode(region.CurrencyCode), price.RegionIDIsNil()).First(ctx)
		must(err)
		li, err := cl.LineItem.Create().SetTenantID(c.TenantID).SetCartID(c.ID).SetVariantID(v.ID).
			SetTitle("The " + handle).SetSku(v.Sku).SetQuantity(1).SetUnitPrice(p.Amount).Save(ctx)
		must(err)
		return c, li
	}
	cu, sb := f.Users[testenv.CustomerA].ID, f.ShopperB.ID
	place := func(s *ent.Store, customerID *int, handle, email, key string) *ent.Order {
		t.Helper()
		c, _ := cart(s, customerID, handle, email)
		o, err := app.Checkout.Complete(shopperCtx(s), c.Token, key, checkout.Edges{})
		must(err)
		return o
	}
	f.OrderA1 = place(f.StoreA1, &cu, "thobe", "customer@acme.test", "matrix-a1")
	f.OrderA2 = place(f.StoreA2, nil, "hijab", "guest@example.test", "matrix-a2")
	f.OrderB1 = place(f.StoreB1, &sb, "gadget", "shopper@bolt.test", "matrix-b1")
	// ca-one's second buyer's order in A1, its company's (see addCompanies): the
	// company's admin sees it, its fellow buyer and the other company do not.
	mate, err := cl.User.Query().Where(user.Email("mate@ca-one.test")).OnlyID(ctx)
	must(err)
	f.OrderMate = place(f.StoreA1, &mate, "abaya", "mate@ca-one.test", "matrix-mate")
	// (A1 is a retail store, so checkout placed it as the buyer's own; the column is
	// immutable through ent.)
	_, err = f.DB.SQL.Exec(fmt.Sprintf(`UPDATE orders SET company_id = %d WHERE id = %d`,
		cl.Company.Query().Where(company.Handle("ca-one")).OnlyIDX(ctx), f.OrderMate.ID))
	must(err)
	f.CartA1, f.LineA1 = cart(f.StoreA1, &cu, "thobe", "customer@acme.test")
	f.CartA2, f.LineA2 = cart(f.StoreA2, nil, "hijab", "guest@example.test")
	f.CartB1, f.LineB1 = cart(f.StoreB1, &sb, "gadget", "shopper@bolt.test")
}

// shopping is the Headers of a case run in each principal's own storefront: the
// publishable key's store (A1); B's secret key browsing B1; everyone else browsing A1
// by its host, as a server-rendered storefront forwards it.
func shopping(f *fx, principal string) testenv.Headers {
	switch principal {
	case testenv.PublishableA:
		return f.As(principal)
	case testenv.SecretB:
		return f.Shop(principal, hostB1)
	}
	return f.Shop(principal, hostA1)
}

// shoppingAt is the Headers of a case run with every principal browsing host (a
// publishable key stays bound to its own store whatever the header says).
func shoppingAt(host string) func(*fx, string) testenv.Headers {
	return func(f *fx, principal string) testenv.Headers { return f.Shop(principal, host) }
}
