package cart_test

import (
	"context"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	entcart "github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// The shared test helpers (package testenv), under the names this package's tests use.
var (
	id          = testenv.ID
	requireCode = testenv.RequireError
)

// Hosts of the fixture's stores, as a storefront forwards them in X-Store-Host.
const (
	hostA1 = "a1.dakkah.test"
	hostA2 = "a2.dakkah.test"
	hostB1 = "b1.dakkah.test"
)

func sys() context.Context { return viewer.SystemContext(context.Background(), "cart-test") }

const cartFields = `id currencyCode email completedAt store { id } region { id }
	items { id title sku quantity unitPrice total variant { id sku } }
	shippingAddress { firstName city countryCode } billingAddress { firstName }
	shippingMethod { id name } subtotal shippingTotal taxTotal total`

type item struct {
	ID        string
	Title     string
	Sku       string
	Quantity  int
	UnitPrice int64
	Total     int64
	Variant   struct{ ID, Sku string }
}

type cartView struct {
	ID              string
	CurrencyCode    string
	Email           string // "" when none: the schema keeps it non-nillable
	CompletedAt     *string
	Store           struct{ ID string }
	Region          struct{ ID string }
	Items           []item
	ShippingAddress *struct{ FirstName, City, CountryCode string }
	BillingAddress  *struct{ FirstName string }
	ShippingMethod  *struct{ ID, Name string }
	Subtotal        int64
	ShippingTotal   int64
	TaxTotal        int64
	Total           int64
}

// totals is what a cart costs: subtotal, shipping, tax, total.
func (c cartView) totals() [4]int64 {
	return [4]int64{c.Subtotal, c.ShippingTotal, c.TaxTotal, c.Total}
}

// field decodes data[name] of a response into a cart; nil when it is null.
func field(t *testing.T, r *testenv.Response, name string) *cartView {
	t.Helper()
	var data map[string]*cartView
	require.NoError(t, json.Unmarshal(r.Data, &data), "data: %s", r.Data)
	return data[name]
}

type env struct {
	*testenv.Commerce
	t *testing.T
}

func newEnv(t *testing.T, db *testenv.DB) *env {
	return &env{Commerce: testenv.NewCommerce(t, db), t: t}
}

// do runs a cart operation and returns its response and the cart under field.
func (e *env) do(h testenv.Headers, query, name string, vars map[string]any) (*testenv.Response, *cartView) {
	e.t.Helper()
	r := e.API.Do(e.t, h, query, vars)
	if len(r.Data) == 0 || string(r.Data) == "null" {
		return r, nil
	}
	return r, field(e.t, r, name)
}

// must is do that fails on any error and on a null cart.
func (e *env) must(h testenv.Headers, query, name string, vars map[string]any) *cartView {
	e.t.Helper()
	r, c := e.do(h, query, name, vars)
	require.Empty(e.t, r.Errors, "%s: %+v", name, r.Errors)
	require.NotNil(e.t, c, name)
	return c
}

var (
	qCreate      = `mutation($in: CreateCartInput!) { createCart(input: $in) { ` + cartFields + ` } }`
	qCart        = `query($id: ID!) { cart(id: $id) { ` + cartFields + ` } }`
	qAdd         = `mutation($c: ID!, $v: ID!, $q: Int!) { addLineItem(cartId: $c, variantId: $v, quantity: $q) { ` + cartFields + ` } }`
	qUpdate      = `mutation($c: ID!, $i: ID!, $q: Int!) { updateLineItem(cartId: $c, lineItemId: $i, quantity: $q) { ` + cartFields + ` } }`
	qRemove      = `mutation($c: ID!, $i: ID!) { removeLineItem(cartId: $c, lineItemId: $i) { ` + cartFields + ` } }`
	qEmail       = `mutation($c: ID!, $e: String!) { setCartEmail(cartId: $c, email: $e) { ` + cartFields + ` } }`
	qShipAddr    = `mutation($c: ID!, $a: AddressInput!) { setShippingAddress(cartId: $c, input: $a) { ` + cartFields + ` } }`
	qBillAddr    = `mutation($c: ID!, $a: AddressInput!) { setBillingAddress(cartId: $c, input: $a) { ` + cartFields + ` } }`
	qShipMethod  = `mutation($c: ID!, $o: ID!) { setShippingMethod(cartId: $c, shippingOptionId: $o) { ` + cartFields + ` } }`
	qShipOptions = `query($c: ID!) { shippingOptions(cartId: $c) { id name amount } }`
)

func (e *env) create(h testenv.Headers, in map[string]any) *cartView {
	e.t.Helper()
	return e.must(h, qCreate, "createCart", map[string]any{"in": in})
}

func (e *env) add(h testenv.Headers, cartID string, v *ent.ProductVariant, qty int) *cartView {
	e.t.Helper()
	return e.must(h, qAdd, "addLineItem", map[string]any{"c": cartID, "v": id(v.ID), "q": qty})
}

func (e *env) get(h testenv.Headers, cartID string) *cartView {
	e.t.Helper()
	r, c := e.do(h, qCart, "cart", map[string]any{"id": cartID})
	require.Empty(e.t, r.Errors, "cart: %+v", r.Errors)
	return c
}

// row is the cart's database row, read by its token.
func (e *env) row(cartID string) *ent.Cart {
	e.t.Helper()
	token, err := strconv.Atoi(cartID)
	require.NoError(e.t, err)
	c, err := e.API.DB.Client.Cart.Query().Where(entcart.Token(token)).Only(sys())
	require.NoError(e.t, err)
	return c
}

var riyadh = map[string]any{"firstName": " Sara ", "lastName": "Al-Harbi", "address1": "King Fahd Rd 1", "city": "Riyadh", "countryCode": "sa"}
