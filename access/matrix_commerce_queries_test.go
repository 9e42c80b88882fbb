package access_test

import (
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/testenv"
)

// commerceQueryCases are the read rows of the catalog, pricing, customers, carts and
// orders (fixture: testenv.Commerce and commerceFx). A storefront read is run twice:
// with no store named (only the publishable key names one: its own), and in each
// principal's storefront (Headers: shopping).
//
// What the rows show: a customer of A never sees B's catalog, carts or orders; the
// publishable key of A1 never sees a product sold only in A2 (hijab), nor a draft; a
// store manager of A1 sees A1's channels, carts and orders, not A2's; B's staff and
// key see nothing of A and A's nothing of B.
func commerceQueryCases() []Case {
	forbidden, notFound, badInput := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("BAD_USER_INPUT")
	unauthenticated := Deny("UNAUTHENTICATED") // a caller who has not signed in
	all := sameForAll
	// A vendor's people read the catalog's reference data in a store (shopping), as an
	// anonymous caller does: a vendor role is not a customer's membership of the tenant.
	vendorsNameAStore := badInput
	// inA1 is the same outcome for everyone in A1's storefront, and another for B's key in B1's.
	inA1 := func(a, b Outcome) Cells { return Cells{SA: a, TA: a, SM: a, CU: a, PK: a, SK: b, AN: a} }
	vars := func(build func(f *fx) map[string]any) func(testing.TB, *fx) map[string]any {
		return func(_ testing.TB, f *fx) map[string]any { return build(f) }
	}
	byID := func(pick func(f *fx) int) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any { return map[string]any{"id": gid(pick(f))} })
	}
	ofTenant := func(pick func(f *fx) *ent.Tenant) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any { return map[string]any{"t": gid(pick(f).ID)} })
	}
	tenantA := func(f *fx) *ent.Tenant { return f.TenantA }
	tenantB := func(f *fx) *ent.Tenant { return f.TenantB }

	const productsOp = `query($store: ID) { products(first: 50, currencyCode: "SAR", storeId: $store) {
		totalCount edges { node { ` + productSelection + ` } } } }`
	const byHandleOp = `{
		thobe: productByHandle(handle: "thobe") { handle }
		hijab: productByHandle(handle: "hijab") { handle }
		oud: productByHandle(handle: "draft-oud") { handle }
		gadget: productByHandle(handle: "gadget") { handle }
	}`
	const regionProductsOp = `query($r: ID) { products(first: 50, regionId: $r) { totalCount edges { node {
		handle variants { calculatedPrice { amount currencyCode } } } } } }`
	const cartOp = `query($a1: ID!, $a2: ID!, $b1: ID!) {
		a1: cart(id: $a1) { ...C } a2: cart(id: $a2) { ...C } b1: cart(id: $b1) { ...C }
	} fragment C on Cart { id store { handle } region { currencyCode } email
		items { sku quantity variant { sku } } shippingMethod { amount } total }`
	const shippingOptionsOp = `query($c: ID!) { shippingOptions(cartId: $c) { name amount } }`
	const ordersOp = `{ orders(first: 50) { totalCount edges { node {
		email status paymentStatus store { handle } shippingAddress { city } items { sku quantity }
	} } } }`
	carts := vars(func(f *fx) map[string]any {
		return map[string]any{"a1": gid(f.CartA1.Token), "a2": gid(f.CartA2.Token), "b1": gid(f.CartB1.Token)}
	})
	cartOf := func(pick func(f *fx) *ent.Cart) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any { return map[string]any{"c": gid(pick(f).Token)} })
	}
	// A cart seen whole, as its store's shoppers and staff see it.
	cartIs := func(alias, store, sku, currency string) Check {
		return All(Eq(alias+".store.handle", store), Eq(alias+".region.currencyCode", currency),
			Eq(alias+".items.0.sku", sku), Eq(alias+".items.0.variant.sku", sku), NotNull(alias+".shippingMethod"))
	}
	cartA1 := cartIs("a1", "a1", "SKU-thobe", "SAR")
	cartA2 := cartIs("a2", "a2", "SKU-hijab", "SAR")
	cartB1 := cartIs("b1", "b1", "SKU-gadget", "SAR")
	// Orders, known by their e-mails: customer_A's in A1, a guest's in A2, ShopperB's in B1.
	const orderA1, orderA2, orderB1 = "customer@acme.test", "guest@example.test", "shopper@bolt.test"
	// ca-one's second buyer's order in A1, its company's: its company's admin sees it.
	const orderMate = "mate@ca-one.test"
	orders := func(emails ...string) Outcome {
		return Filtered(Set("orders", "email", emails...), Set("orders", "status", repeat("pending", len(emails))...),
			Set("orders", "paymentStatus", repeat("authorized", len(emails))...))
	}
	withNullAddress := func(o Outcome) Outcome {
		o.checks = append(o.checks, Null("orders.edges.0.node.shippingAddress"))
		return o
	}
	ordersWithAddress := func(emails ...string) Outcome {
		o := orders(emails...)
		o.checks = append(o.checks, Set("orders", "shippingAddress", repeat("map[city:Riyadh]", len(emails))...))
		return o
	}

	// The catalog seen by staff (every price, the channels they see) and by shoppers.
	staffA := map[string]shelf{
		"thobe": {[]string{"A One"}, true}, "abaya": {[]string{"A One", "A Two"}, true},
		"hijab": {[]string{"A Two"}, true}, "draft-oud": {[]string{"A One"}, true},
	}
	managerA1 := map[string]shelf{
		"thobe": {[]string{"A One"}, true}, "abaya": {[]string{"A One"}, true},
		"hijab": {nil, true}, "draft-oud": {[]string{"A One"}, true},
	}
	staffB := map[string]shelf{"gadget": {[]string{"B One"}, true}}
	shopperA1 := map[string]shelf{"thobe": {}, "abaya": {}}
	with := func(m map[string]shelf, more map[string]shelf) map[string]shelf {
		out := map[string]shelf{}
		for k, v := range m {
			out[k] = v
		}
		for k, v := range more {
			out[k] = v
		}
		return out
	}
	only := func(m map[string]shelf, keys ...string) map[string]shelf {
		out := map[string]shelf{}
		for _, k := range keys {
			out[k] = m[k]
		}
		return out
	}

	return []Case{
		// The catalog.
		{
			// With no store named, staff read their catalog; a shopper must name the store.
			Name: "products",
			Op:   productsOp,
			Expect: Cells{
				SA: Filtered(Catalog("products", with(staffA, staffB))),
				TA: Filtered(Catalog("products", staffA)),
				SM: Filtered(Catalog("products", managerA1)),
				CU: badInput,
				PK: Filtered(Catalog("products", shopperA1)),
				SK: Filtered(Catalog("products", staffB)),
				AN: badInput,
			},
		},
		{
			// In a storefront everyone sees what the store sells (published, in its
			// channels); staff still see prices and the channels they may see.
			Name:    "products/storefront",
			Op:      productsOp,
			Headers: shopping,
			Expect: Cells{
				SA: Filtered(Catalog("products", only(staffA, "thobe", "abaya"))),
				TA: Filtered(Catalog("products", only(staffA, "thobe", "abaya"))),
				SM: Filtered(Catalog("products", only(managerA1, "thobe", "abaya"))),
				CU: Filtered(Catalog("products", shopperA1)),
				PK: Filtered(Catalog("products", shopperA1)),
				SK: Filtered(Catalog("products", staffB)),
				AN: Filtered(Catalog("products", shopperA1)),
			},
		},
		{
			// The other tenant's storefront: A's principals browse B1, B's key browses A1;
			// A1's key stays bound to A1 whatever host it forwards. Staff there are
			// shoppers: they see no channel of the other tenant. (ProductVariant.prices, a
			// tenant's own price list, is pinned by pricing's TestPriceListsStayWithTheirTenant.)
			Name: "products/the other tenant's storefront",
			Op: `{ products(first: 50, currencyCode: "SAR") { totalCount edges { node {
				handle salesChannels { name } variants { availableQuantity calculatedPrice { amount currencyCode } } } } } }`,
			Headers: func(f *fx, principal string) testenv.Headers {
				if principal == testenv.SecretB {
					return f.Shop(principal, hostA1)
				}
				return f.Shop(principal, hostB1)
			},
			Expect: func() Cells {
				gadget := Filtered(Shelves("products", map[string][]string{"gadget": nil}))
				return Cells{
					SA: Filtered(Shelves("products", map[string][]string{"gadget": {"B One"}})),
					TA: gadget, SM: gadget, CU: gadget,
					PK: Filtered(Shelves("products", map[string][]string{"thobe": nil, "abaya": nil})),
					SK: Filtered(Shelves("products", map[string][]string{"thobe": nil, "abaya": nil})),
					AN: gadget,
				}
			}(),
		},
		{
			// A closed storefront serves no catalog, to anyone: A3 is inactive, C1's
			// tenant suspended. A1's key stays in A1.
			Name:    "products/closed storefront A3",
			Op:      productsOp,
			Headers: shoppingAt("a3.dakkah.test"),
			Expect: func() Cells {
				none := Filtered(Catalog("products", nil))
				return Cells{SA: none, TA: none, SM: none, CU: none, PK: Filtered(Catalog("products", shopperA1)), SK: none, AN: none}
			}(),
		},
		{
			Name:    "products/closed storefront C1",
			Op:      productsOp,
			Headers: shoppingAt("c1.dakkah.test"),
			Expect: func() Cells {
				none := Filtered(Catalog("products", nil))
				return Cells{SA: none, TA: none, SM: none, CU: none, PK: Filtered(Catalog("products", shopperA1)), SK: none, AN: none}
			}(),
		},
		{
			// Store A2's products: A1's key asking for them gets what A1 also sells
			// (abaya), never hijab.
			Name: "products/storeId A2",
			Op:   productsOp,
			Vars: vars(func(f *fx) map[string]any { return map[string]any{"store": gid(f.StoreA2.ID)} }),
			Expect: Cells{
				SA: Filtered(Catalog("products", only(staffA, "abaya", "hijab"))),
				TA: Filtered(Catalog("products", only(staffA, "abaya", "hijab"))),
				SM: Filtered(Catalog("products", only(managerA1, "abaya", "hijab"))),
				CU: badInput,
				PK: Filtered(Catalog("products", only(shopperA1, "abaya"))),
				SK: Filtered(Catalog("products", nil)),
				AN: badInput,
			},
		},
		{
			Name: "productByHandle",
			Op:   byHandleOp,
			Expect: func() Cells {
				tenantA := Allow(Eq("thobe.handle", "thobe"), Eq("hijab.handle", "hijab"), Eq("oud.handle", "draft-oud"), Null("gadget"))
				return Cells{
					SA: Allow(Eq("thobe.handle", "thobe"), Eq("hijab.handle", "hijab"), Eq("oud.handle", "draft-oud"), Eq("gadget.handle", "gadget")),
					TA: tenantA, SM: tenantA,
					CU: badInput,
					PK: Allow(Eq("thobe.handle", "thobe"), Null("hijab"), Null("oud"), Null("gadget")),
					SK: Allow(Null("thobe"), Null("hijab"), Null("oud"), Eq("gadget.handle", "gadget")),
					AN: badInput,
				}
			}(),
		},
		{
			Name:    "productByHandle/storefront",
			Op:      byHandleOp,
			Headers: shopping,
			Expect: inA1(Allow(Eq("thobe.handle", "thobe"), Null("hijab"), Null("oud"), Null("gadget")),
				Allow(Null("thobe"), Null("hijab"), Null("oud"), Eq("gadget.handle", "gadget"))),
		},
		{
			// Prices for one of A's regions: A1's storefront prices in it; B1's does not know it.
			Name:    "products/region of A",
			Op:      regionProductsOp,
			Headers: shopping,
			Vars:    vars(func(f *fx) map[string]any { return map[string]any{"r": gid(f.SAR.ID)} }),
			Expect: inA1(Filtered(Handles("products", "thobe", "abaya"),
				Set("products", "variants", "[map[calculatedPrice:map[amount:25000 currencyCode:SAR]]]",
					"[map[calculatedPrice:map[amount:40000 currencyCode:SAR]]]")),
				badInput),
		},
		{
			// B's region, asked for in A1's storefront: refused; B1's prices in it.
			Name:    "products/region of B",
			Op:      regionProductsOp,
			Headers: shopping,
			Vars:    vars(func(f *fx) map[string]any { return map[string]any{"r": gid(f.RegionB.ID)} }),
			Expect: inA1(badInput, Filtered(Handles("products", "gadget"),
				Eq("products.edges.0.node.variants.0.calculatedPrice", map[string]any{"amount": 10000, "currencyCode": "SAR"}))),
		},
		{
			Name: "productCategories/A",
			Op:   `query($t: ID) { productCategories(tenantId: $t) { handle tenant { handle } } }`,
			Vars: ofTenant(tenantA),
			Expect: func() Cells {
				ok := Allow(Handles("productCategories", "menswear"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: ok, SK: notFound, AN: badInput, V: vendorsNameAStore}
			}(),
		},
		{
			Name: "productCategories/B",
			Op:   `query($t: ID) { productCategories(tenantId: $t) { handle } }`,
			Vars: ofTenant(tenantB),
			Expect: func() Cells {
				ok := Allow(Handles("productCategories", "gear"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: badInput, SK: ok, AN: badInput}
			}(),
		},
		{
			Name: "productCollections/A",
			Op:   `query($t: ID) { productCollections(tenantId: $t) { handle } }`,
			Vars: ofTenant(tenantA),
			Expect: func() Cells {
				ok := Allow(Handles("productCollections", "eid"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: ok, SK: notFound, AN: badInput, V: vendorsNameAStore}
			}(),
		},
		{
			Name: "productCollections/B",
			Op:   `query($t: ID) { productCollections(tenantId: $t) { handle } }`,
			Vars: ofTenant(tenantB),
			Expect: func() Cells {
				ok := Allow(Handles("productCollections", "launch"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: badInput, SK: ok, AN: badInput}
			}(),
		},
		{
			// Without tenantId: the tenant of the store the request shops in.
			Name:    "productCategories and productCollections/storefront",
			Op:      `{ productCategories { handle } productCollections { handle } }`,
			Headers: shopping,
			Expect: inA1(Allow(Handles("productCategories", "menswear"), Handles("productCollections", "eid")),
				Allow(Handles("productCategories", "gear"), Handles("productCollections", "launch"))),
		},
		{
			// A key names its tenant (and a publishable key its store); a user must name one.
			Name: "productCategories and productCollections/no tenant named",
			Op:   `{ productCategories { handle } productCollections { handle } }`,
			Expect: Cells{SA: badInput, TA: badInput, SM: badInput, CU: badInput,
				PK: Allow(Handles("productCategories", "menswear"), Handles("productCollections", "eid")),
				SK: Allow(Handles("productCategories", "gear"), Handles("productCollections", "launch")), AN: badInput},
		},
		{
			Name: "salesChannels",
			Op: `query($a1: ID!, $a2: ID!, $b1: ID!) {
				a1: salesChannels(storeId: $a1) { name store { handle } }
				a2: salesChannels(storeId: $a2) { name }
				b1: salesChannels(storeId: $b1) { name }
			}`,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"a1": gid(f.StoreA1.ID), "a2": gid(f.StoreA2.ID), "b1": gid(f.StoreB1.ID)}
			}),
			Expect: Cells{
				SA: Allow(Set("a1", "name", "A One"), Set("a2", "name", "A Two"), Set("b1", "name", "B One")),
				TA: Filtered(Set("a1", "name", "A One"), Set("a2", "name", "A Two"), Len("b1", 0)),
				SM: Filtered(Set("a1", "name", "A One"), Eq("a1.0.store.handle", "a1"), Len("a2", 0), Len("b1", 0)),
				CU: forbidden, PK: unauthenticated,
				SK: Filtered(Len("a1", 0), Len("a2", 0), Set("b1", "name", "B One")),
				AN: unauthenticated,
			},
		},

		// Regions and stock locations.
		{
			Name: "regions/A",
			Op:   `query($t: ID) { regions(tenantId: $t) { name currencyCode taxRate taxInclusive } }`,
			Vars: ofTenant(tenantA),
			Expect: func() Cells {
				ok := Allow(Set("regions", "name", "Saudi Arabia", "UAE"), Set("regions", "taxRate", "15", "5"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: ok, SK: notFound, AN: badInput, V: vendorsNameAStore}
			}(),
		},
		{
			Name: "regions/B",
			Op:   `query($t: ID) { regions(tenantId: $t) { name } }`,
			Vars: ofTenant(tenantB),
			Expect: func() Cells {
				ok := Allow(Set("regions", "name", "KSA"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: badInput, SK: ok, AN: badInput}
			}(),
		},
		{
			Name:    "regions/storefront",
			Op:      `{ regions { name currencyCode } }`,
			Headers: shopping,
			Expect:  inA1(Allow(Set("regions", "name", "Saudi Arabia", "UAE")), Allow(Set("regions", "name", "KSA"))),
		},
		{
			Name: "regions/no tenant named",
			Op:   `{ regions { name } }`,
			Expect: Cells{SA: badInput, TA: badInput, SM: badInput, CU: badInput,
				PK: Allow(Set("regions", "name", "Saudi Arabia", "UAE")), SK: Allow(Set("regions", "name", "KSA")), AN: badInput},
		},
		{
			Name: "stockLocations/A",
			Op:   `query($t: ID!) { stockLocations(tenantId: $t) { name } }`,
			Vars: ofTenant(tenantA),
			Expect: func() Cells {
				ok := Allow(Set("stockLocations", "name", "Riyadh"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "stockLocations/B",
			Op:   `query($t: ID!) { stockLocations(tenantId: $t) { name } }`,
			Vars: ofTenant(tenantB),
			Expect: func() Cells {
				ok := Allow(Set("stockLocations", "name", "Jeddah"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: badInput, SK: ok, AN: unauthenticated}
			}(),
		},

		// Customers.
		{
			Name: "customers/A",
			Op:   `query($t: ID!) { customers(tenantId: $t, first: 50) { totalCount edges { node { email } } } }`,
			Vars: ofTenant(tenantA),
			Expect: func() Cells {
				// A1's manager sees only customers with a cart or an order in A1: of the
				// fixture's customers of A, ca-one's buyers, whose approval request and quote
				// hold carts in A1, and one of whom ordered there (see
				// TestManagersSeeTheirStoresCustomers).
				ok, none := Filtered(Set("customers", "email", customersOfA...)), Filtered(Len("customers", 0))
				// A company's admins see its people; a buyer, itself.
				people := func(emails ...string) Outcome { return Filtered(Set("customers", "email", emails...)) }
				return Cells{SA: ok, TA: ok, SM: people("buyer@ca-one.test", "mate@ca-one.test"), CU: none,
					PK: unauthenticated, SK: none, AN: unauthenticated,
					CA1: people("admin@ca-one.test", "buyer@ca-one.test", "mate@ca-one.test"), B1: people("buyer@ca-one.test"),
					CA2: people("admin@ca-two.test", "buyer@ca-two.test"), B2: people("buyer@ca-two.test")}
			}(),
		},
		{
			Name: "customers/B",
			Op:   `query($t: ID!) { customers(tenantId: $t, first: 50) { totalCount edges { node { email } } } }`,
			Vars: ofTenant(tenantB),
			Expect: func() Cells {
				ok, none := Filtered(Set("customers", "email", "shopper@bolt.test")), Filtered(Len("customers", 0))
				return Cells{SA: ok, TA: none, SM: none, CU: none, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			// A signed-in user's own address book and orders.
			Name: "me/addresses and orders",
			Op: `{ me { email addresses { city } orders(first: 10) { totalCount edges { node {
				email store { handle } shippingAddress { city } } } } } }`,
			Expect: func() Cells {
				none := Allow(Len("me.addresses", 0), Len("me.orders", 0))
				return Cells{
					SA: none, TA: none, SM: none,
					CU: Allow(Set("me.addresses", "city", "Riyadh"), Set("me.orders", "email", orderA1),
						Eq("me.orders.edges.0.node.store.handle", "a1"), Eq("me.orders.edges.0.node.shippingAddress.city", "Riyadh")),
					PK: Allow(Null("me")), SK: Allow(Null("me")), AN: Allow(Null("me")), V: none, C: none,
				}
			}(),
		},

		// Carts: reached by token, in their store's storefront, by their customer and by
		// their store's staff.
		{
			Name: "cart",
			Op:   cartOp,
			Vars: carts,
			Expect: Cells{
				SA: Allow(cartA1, cartA2, cartB1),
				TA: Allow(cartA1, cartA2, Null("b1")),
				SM: Allow(cartA1, Null("a2"), Null("b1")),
				CU: Allow(cartA1, Eq("a1.email", "customer@acme.test"), Null("a2"), Null("b1")),
				PK: Allow(cartA1, Null("a2"), Null("b1")),
				SK: Allow(Null("a1"), Null("a2"), cartB1),
				AN: badInput, // a guest names the store its carts are in
				V:  Allow(Null("a1"), Null("a2"), Null("b1")),
				C:  Allow(Null("a1"), Null("a2"), Null("b1")),
			},
		},
		{
			Name:    "cart/storefront",
			Op:      cartOp,
			Vars:    carts,
			Headers: shopping,
			Expect: Cells{
				SA: Allow(cartA1, cartA2, cartB1),
				TA: Allow(cartA1, cartA2, Null("b1")),
				SM: Allow(cartA1, Null("a2"), Null("b1")),
				CU: Allow(cartA1, Null("a2"), Null("b1")),
				PK: Allow(cartA1, Null("a2"), Null("b1")),
				SK: Allow(Null("a1"), Null("a2"), cartB1),
				AN: Allow(cartA1, Null("a2"), Null("b1")),
			},
		},
		{
			Name: "shippingOptions/A1 cart",
			Op:   shippingOptionsOp,
			Vars: cartOf(func(f *fx) *ent.Cart { return f.CartA1 }),
			Expect: func() Cells {
				ok := Allow(Set("shippingOptions", "amount", "2500"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: ok, SK: notFound, AN: badInput, V: notFound, C: notFound}
			}(),
		},
		{
			Name:    "shippingOptions/A1 cart in the storefront",
			Op:      shippingOptionsOp,
			Vars:    cartOf(func(f *fx) *ent.Cart { return f.CartA1 }),
			Headers: shopping,
			Expect:  inA1(Allow(Set("shippingOptions", "amount", "2500")), notFound),
		},
		{
			// B's cart token, used in A1's storefront: not found.
			Name:    "shippingOptions/B1 cart via A1",
			Op:      shippingOptionsOp,
			Vars:    cartOf(func(f *fx) *ent.Cart { return f.CartB1 }),
			Headers: shopping,
			Expect: func() Cells {
				ok := Allow(Set("shippingOptions", "amount", "3000"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: notFound}
			}(),
		},

		// Orders: a customer's own, a store manager's stores', a tenant admin's tenant's.
		// A storefront lists none.
		{
			Name: "orders",
			Op:   ordersOp,
			Expect: Cells{
				SA: ordersWithAddress(orderA1, orderA2, orderB1, orderMate),
				TA: ordersWithAddress(orderA1, orderA2, orderMate),
				SM: ordersWithAddress(orderA1, orderMate),
				CU: ordersWithAddress(orderA1),
				PK: unauthenticated,
				SK: ordersWithAddress(orderB1),
				AN: unauthenticated,
				V:  ordersWithAddress(),
				C:  ordersWithAddress(),
				// The company's order, not where its buyer has it shipped.
				CA1: withNullAddress(orders(orderMate)),
			},
		},
		{
			Name:    "orders/storefront",
			Op:      ordersOp,
			Headers: shopping,
			Expect: Cells{
				SA:  orders(orderA1, orderA2, orderB1, orderMate),
				TA:  orders(orderA1, orderA2, orderMate),
				SM:  orders(orderA1, orderMate),
				CU:  orders(orderA1),
				PK:  unauthenticated,
				SK:  orders(orderB1),
				AN:  unauthenticated,
				V:   orders(),
				C:   orders(),
				CA1: orders(orderMate),
			},
		},

		// node, for the commerce types.
		{
			Name: "node/product hijab (A2 only)",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Product { handle } } }`,
			Vars: byID(func(f *fx) int { return f.Products["hijab"].ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.handle", "hijab"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: badInput, PK: notFound, SK: notFound, AN: badInput}
			}(),
		},
		{
			Name:    "node/product hijab (A2 only) in A1's storefront",
			Op:      `query($id: ID!) { node(id: $id) { id ... on Product { handle } } }`,
			Vars:    byID(func(f *fx) int { return f.Products["hijab"].ID }),
			Headers: shoppingAt(hostA1),
			Expect:  all(notFound),
		},
		{
			Name: "node/product gadget of B",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Product { handle } } }`,
			Vars: byID(func(f *fx) int { return f.Products["gadget"].ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.handle", "gadget"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: badInput, PK: notFound, SK: ok, AN: badInput}
			}(),
		},
		{
			Name: "node/variant of gadget of B",
			Op:   `query($id: ID!) { node(id: $id) { id ... on ProductVariant { sku prices { amount } } } }`,
			Vars: byID(func(f *fx) int { return f.Variants["gadget"].ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.sku", "SKU-gadget"), Set("node.prices", "amount", "10000"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: badInput, PK: notFound, SK: ok, AN: badInput}
			}(),
		},
		{
			Name: "node/sales channel A2",
			Op:   `query($id: ID!) { node(id: $id) { id ... on SalesChannel { name } } }`,
			Vars: byID(func(f *fx) int { return f.ChannelA2.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.name", "A Two"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/region of B",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Region { name } } }`,
			Vars: byID(func(f *fx) int { return f.RegionB.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.name", "KSA"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: badInput, V: vendorsNameAStore}
			}(),
		},
		{
			Name: "node/stock location of A",
			Op:   `query($id: ID!) { node(id: $id) { id ... on StockLocation { name } } }`,
			Vars: byID(func(f *fx) int { return f.LocationA.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.name", "Riyadh"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/address of customer A",
			Op:   `query($id: ID!) { node(id: $id) { id ... on CustomerAddress { city } } }`,
			Vars: byID(func(f *fx) int { return f.AddressCU.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.city", "Riyadh"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: ok, PK: unauthenticated, SK: notFound, AN: unauthenticated, V: notFound, C: notFound}
			}(),
		},
		{
			Name: "node/order A2",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Order { email store { handle } } } }`,
			Vars: byID(func(f *fx) int { return f.OrderA2.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.email", orderA2), Eq("node.store.handle", "a2"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/order B1",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Order { email } } }`,
			Vars: byID(func(f *fx) int { return f.OrderB1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.email", orderB1))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}
