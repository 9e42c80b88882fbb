// Package checkouttest builds what checkout and order tests start from: carts ready to
// complete, written straight to the database, and shoppers to complete them as.
package checkouttest

import (
	"context"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/address"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// Sys is the system context tests write fixtures in.
func Sys() context.Context { return viewer.SystemContext(context.Background(), "checkout-test") }

// Item is a line to put in a cart: a product of the commerce fixture by handle.
type Item struct {
	Handle   string
	Quantity int
}

// Of is an Item.
func Of(handle string, quantity int) Item { return Item{Handle: handle, Quantity: quantity} }

// Cart describes a cart to build; zero fields take the defaults of Ready.
type Cart struct {
	Store    *ent.Store
	Region   *ent.Region
	Shipping *ent.ShippingOption
	Items    []Item
	Email    string
	Customer *ent.User
	// Without leaves out what a cart needs to complete: "items", "email",
	// "shippingAddress" or "shippingMethod".
	Without string
}

// Address is the shipping address fixture carts get.
var Address = address.Address{FirstName: "Noura", LastName: "Saleh", Address1: "King Fahd Rd 1", City: "Riyadh", CountryCode: "SA"}

// Ready builds a cart in store A1, in SAR, with standard shipping, an email, an address
// and the given items (one thobe when none), as the cart API would have left it.
func Ready(t testing.TB, c *testenv.Commerce, items ...Item) *ent.Cart {
	t.Helper()
	return Build(t, c, Cart{Items: items})
}

// Build writes the cart described by spec.
func Build(t testing.TB, c *testenv.Commerce, spec Cart) *ent.Cart {
	t.Helper()
	ctx := Sys()
	cl := c.API.DB.Client
	if spec.Store == nil {
		spec.Store = c.StoreA1
	}
	if spec.Region == nil {
		spec.Region = c.SAR
		if spec.Store.TenantID == c.TenantB.ID {
			spec.Region = c.RegionB
		}
	}
	if spec.Shipping == nil {
		switch spec.Region.ID {
		case c.AED.ID:
			spec.Shipping = c.ShipAED
		case c.RegionB.ID:
			spec.Shipping = c.ShipB
		default:
			spec.Shipping = c.ShipSAR
		}
	}
	if len(spec.Items) == 0 {
		spec.Items = []Item{{"thobe", 1}}
		if spec.Store.TenantID == c.TenantB.ID {
			spec.Items = []Item{{"gadget", 1}}
		}
	}
	if spec.Email == "" {
		spec.Email = "shopper@example.test"
	}
	create := cl.Cart.Create().SetTenantID(spec.Store.TenantID).SetStoreID(spec.Store.ID).SetToken(NewToken()).
		SetRegionID(spec.Region.ID).SetCurrencyCode(spec.Region.CurrencyCode)
	if spec.Without != "email" {
		create.SetEmail(spec.Email)
	}
	if spec.Without != "shippingAddress" {
		a := Address
		create.SetShippingAddress(&a)
	}
	if spec.Without != "shippingMethod" {
		create.SetShippingOptionID(spec.Shipping.ID)
	}
	if spec.Customer != nil {
		create.SetCustomerID(spec.Customer.ID)
	}
	cart, err := create.Save(ctx)
	require.NoError(t, err)
	if spec.Without != "items" {
		for _, it := range spec.Items {
			v := c.Variants[it.Handle]
			require.NotNil(t, v, "no product %q in the fixture", it.Handle)
			p, err := cl.Price.Query().Where(price.VariantID(v.ID), price.CurrencyCode(spec.Region.CurrencyCode)).First(ctx)
			require.NoError(t, err)
			require.NoError(t, cl.LineItem.Create().SetTenantID(cart.TenantID).SetCartID(cart.ID).SetVariantID(v.ID).
				SetTitle(v.Title).SetSku(v.Sku).SetQuantity(it.Quantity).SetUnitPrice(p.Amount).Exec(ctx))
		}
	}
	return cart
}

// NewToken is a random cart token, as the cart service hands them out.
func NewToken() int { return int(rand.Int64N(1<<53-1) + 1) }

// ID is an id as GraphQL sends it.
func ID(id int) string { return strconv.Itoa(id) }

// Shopper is the context of an anonymous storefront request in store s.
func Shopper(s *ent.Store) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{Kind: viewer.Anonymous, StoreID: s.ID, TenantID: s.TenantID, ShopOpen: true})
}

// Host is the platform host of a fixture store (its subdomain).
func Host(s *ent.Store) string { return *s.Subdomain + ".dakkah.test" }

// Guest returns headers of an anonymous shopper in store s.
func Guest(c *testenv.Commerce, s *ent.Store) testenv.Headers {
	return c.Shop(testenv.Anonymous, Host(s))
}

// NewCustomer signs up a customer of tenant and returns it with the headers that
// authenticate as it.
func NewCustomer(t testing.TB, c *testenv.Commerce, tenantID int, email string) (*ent.User, testenv.Headers) {
	t.Helper()
	ctx := Sys()
	app := c.API.App
	u, err := app.Tenancy.CreateUser(ctx, tenancy.CreateUserInput{Email: email, Password: testenv.Password})
	require.NoError(t, err)
	_, err = app.Tenancy.GrantRole(ctx, u.ID, membership.RoleCustomer, &tenantID, nil)
	require.NoError(t, err)
	s, err := app.Identity.Login(context.Background(), email, testenv.Password)
	require.NoError(t, err)
	return u, testenv.Headers{"Authorization": "Bearer " + s.AccessToken}
}

// Stock is a variant's inventory level (one per variant in the fixture).
func Stock(t testing.TB, c *testenv.Commerce, handle string) *ent.InventoryLevel {
	t.Helper()
	l, err := c.API.DB.Client.InventoryLevel.Query().Where(inventorylevel.VariantID(c.Variants[handle].ID)).Only(Sys())
	require.NoError(t, err)
	return l
}

// SetStock sets a variant's stocked units.
func SetStock(t testing.TB, c *testenv.Commerce, handle string, n int) {
	t.Helper()
	require.NoError(t, c.API.DB.Client.InventoryLevel.Update().
		Where(inventorylevel.VariantID(c.Variants[handle].ID)).SetStockedQuantity(n).Exec(Sys()))
}
