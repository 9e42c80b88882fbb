package access_test

// marketplaceQueryCases are the rows of the marketplace's reads: vendor orders, commission
// rules and lines, payouts.
func marketplaceQueryCases() []Case {
	unauthenticated := Deny("UNAUTHENTICATED")
	none := Filtered(Set("suborders", "status"))
	return []Case{
		{
			// Vendor orders are written by checkout on a marketplace store; the fixture's
			// stores sell no vendor's product, so every caller who may list them gets none.
			Name: "suborders",
			Op:   `{ suborders(first: 50) { totalCount edges { node { status } } } }`,
			Expect: Cells{
				SA: none, TA: none, SM: none, CU: none, SK: none,
				PK: unauthenticated, AN: unauthenticated,
			},
		},
	}
}
