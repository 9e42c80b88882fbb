package access_test

import "testing"

// filterQueryCases are the rows of `where` filters: a predicate on a field or edge the
// caller may not read is refused (FORBIDDEN), whatever rows it would have matched, so
// hidden data cannot be recovered one guess at a time. The storefront surface (customer,
// publishable key, anonymous) may cross only the product edges a shop filters by.
func filterQueryCases() []Case {
	forbidden := Deny("FORBIDDEN")
	// Callers who have not signed in are told to (see server/errors_access.go).
	unauthenticated := Deny("UNAUTHENTICATED")
	ofTenantA := func(_ testing.TB, f *fx) map[string]any { return map[string]any{"t": gid(f.TenantA.ID)} }
	return []Case{
		{
			// A store manager does not see customers' addresses: probing them by phone
			// prefix is refused, as is any other address predicate.
			Name: "customers/A filtered by address phone",
			Op: `query($t: ID!) { customers(tenantId: $t, first: 50,
				where: {hasAddressesWith: [{phoneHasPrefix: "+966"}]}) { totalCount edges { node { email } } } }`,
			Vars: ofTenantA,
			Expect: func() Cells {
				none := Filtered(Len("customers", 0))
				return Cells{SA: none, TA: none, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: none, AN: unauthenticated}
			}(),
		},
		{
			Name: "customers/A filtered by having an address",
			Op: `query($t: ID!) { customers(tenantId: $t, first: 50,
				where: {hasAddresses: false}) { totalCount edges { node { email } } } }`,
			Vars: ofTenantA,
			Expect: func() Cells {
				ok, none := Filtered(Set("customers", "email", customersOfA...)), Filtered(Len("customers", 0))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: none, AN: unauthenticated}
			}(),
		},
		{
			Name: "customers/A filtered by membership",
			Op: `query($t: ID!) { customers(tenantId: $t, first: 50,
				where: {hasMembershipsWith: [{role: store_manager}]}) { totalCount edges { node { email } } } }`,
			Vars: ofTenantA,
			Expect: func() Cells {
				none := Filtered(Len("customers", 0))
				return Cells{SA: none, TA: none, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: none, AN: unauthenticated}
			}(),
		},
		{
			// A tenant's tier is staff data; the storefront may not probe it through the
			// products' tenant edge, nor cross from a variant back to products.
			Name:    "products/storefront filtered by the tenant's tier",
			Op:      `{ products(first: 50, where: {hasTenantWith: [{subscriptionTierIn: [enterprise]}]}) { totalCount } }`,
			Headers: shopping,
			Expect:  Cells{SA: Allow(), TA: Allow(), SM: Allow(), CU: forbidden, PK: unauthenticated, SK: Allow(), AN: unauthenticated},
		},
		{
			// In another tenant's storefront, staff are shoppers like anyone else.
			Name:    "products/storefront B1 filtered by the tenant's tier",
			Op:      `{ products(first: 50, where: {hasTenantWith: [{subscriptionTierIn: [enterprise]}]}) { totalCount } }`,
			Headers: shoppingAt(hostB1),
			Expect:  Cells{SA: Allow(), TA: forbidden, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: Allow(), AN: unauthenticated},
		},
		{
			Name: "products/storefront filtered by variant and category",
			Op: `{ products(first: 50, where: {hasVariantsWith: [{skuNEQ: ""}], hasCategoryWith: [{handleNEQ: "x"}],
				hasCollection: false}) { totalCount } }`,
			Headers: shopping,
			Expect:  Cells{SA: Allow(), TA: Allow(), SM: Allow(), CU: Allow(), PK: Allow(), SK: Allow(), AN: Allow()},
		},
		{
			Name:    "products/storefront filtered across variant back to product",
			Op:      `{ products(first: 50, where: {hasVariantsWith: [{hasProductWith: [{status: draft}]}]}) { totalCount } }`,
			Headers: shopping,
			Expect:  Cells{SA: Allow(), TA: Allow(), SM: Allow(), CU: forbidden, PK: unauthenticated, SK: Allow(), AN: unauthenticated},
		},
		{
			// Store managers read companies, not their people: probing buyers' limits
			// through the companies is refused, and the storefront surface (customers,
			// companies' own people) crosses no edge of a company.
			Name: "companies filtered by their people's limits",
			Op:   `{ companies(first: 50, where: {hasEmployeesWith: [{spendingLimitGT: 50000}]}) { edges { node { handle } } } }`,
			Expect: func() Cells {
				ok := Filtered(Set("companies", "handle", "ca-one", "ca-two"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: Filtered(Len("companies", 0)),
					AN: unauthenticated, C: forbidden}
			}(),
		},
		{
			// A field of the rows one sees filters them, for the company's people too.
			Name: "approvalRequests filtered by status",
			Op:   `{ approvalRequests(first: 50, where: {status: pending}) { totalCount } }`,
			Expect: func() Cells {
				one, none := Allow(Eq("approvalRequests.totalCount", 1)), Allow(Eq("approvalRequests.totalCount", 0))
				return Cells{SA: one, TA: one, SM: one, CU: forbidden, PK: unauthenticated, SK: none, AN: unauthenticated,
					CA1: one, B1: one, CA2: none, B2: none}
			}(),
		},
		{
			// A quote's thread is read by whoever reads the quote; the storefront surface
			// crosses no edge of it.
			Name: "quotes filtered by their thread",
			Op:   `{ quotes(first: 50, where: {hasMessagesWith: [{bodyContains: "price"}]}) { totalCount } }`,
			Expect: func() Cells {
				one, none := Allow(Eq("quotes.totalCount", 1)), Allow(Eq("quotes.totalCount", 0))
				return Cells{SA: one, TA: one, SM: one, CU: forbidden, PK: unauthenticated, SK: none, AN: unauthenticated,
					C: forbidden}
			}(),
		},
		{
			Name:   "tenants filtered by tier",
			Op:     `{ tenants(first: 10, where: {subscriptionTierIn: [basic, pro, enterprise]}) { totalCount } }`,
			Expect: Cells{SA: Allow(), TA: Allow(), SM: Allow(), CU: forbidden, PK: unauthenticated, SK: Allow(), AN: unauthenticated},
		},
		{
			Name: "tenants filtered by handle",
			Op:   `{ tenants(first: 10, where: {handle: "acme"}) { edges { node { handle } } } }`,
			Expect: func() Cells {
				ok := Filtered(Set("tenants", "handle", "acme"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: ok, SK: Filtered(Len("tenants", 0)), AN: ok}
			}(),
		},
	}
}
