package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/testenv"
)

// nestedEdgeFilter is the filter of the attack: products whose variants have a product
// whose variants have a product… levels deep.
func nestedEdgeFilter(levels int) string {
	var b strings.Builder
	for i := range levels {
		if i%2 == 0 {
			b.WriteString(`hasVariantsWith: [{`)
		} else {
			b.WriteString(`hasProductWith: [{`)
		}
	}
	b.WriteString(`id: 1`)
	b.WriteString(strings.Repeat(`}]`, levels))
	return b.String()
}

func TestFilterEdgesAreBounded(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		admin, shop := f.As(testenv.SuperAdmin), f.As(testenv.PublishableA)
		products := func(where string) string {
			return `{ products(first: 5, where: {` + where + `}) { totalCount } }`
		}

		// The 60-level filter of the attack: refused before any SQL runs (to a caller who
		// has not signed in as UNAUTHENTICATED, see errors_access.go), to the storefront because it may not cross from a variant back to products at all, to
		// staff because it nests too deep.
		r := gql(t, h, shop, products(nestedEdgeFilter(60)), nil)
		requireErrorCode(t, r, 0, "UNAUTHENTICATED")
		assert.Equal(t, "where.hasVariantsWith[0].hasProductWith", r.Errors[0].Extensions["field"])
		assertNoData(t, r)
		r = gql(t, h, admin, products(nestedEdgeFilter(60)), nil)
		requireErrorCode(t, r, 0, "BAD_USER_INPUT")
		assert.Contains(t, r.Errors[0].Message, "3 levels")
		assertNoData(t, r)

		// Within the bounds, the same filter runs.
		r = gql(t, h, admin, products(nestedEdgeFilter(3)), nil)
		require.Empty(t, r.Errors, r.Body)

		// As many edge predicates side by side as the limit allows, and no more.
		side := func(n int) string {
			return `and: [` + strings.Repeat(`{hasVariantsWith: [{skuHasPrefix: "x"}]} `, n) + `]`
		}
		r = gql(t, h, admin, products(side(8)), nil)
		require.Empty(t, r.Errors, r.Body)
		r = gql(t, h, admin, products(side(9)), nil)
		requireErrorCode(t, r, 0, "BAD_USER_INPUT")
		assert.Contains(t, r.Errors[0].Message, "8 edge predicates")

		// A filter sent as a variable is checked the same way.
		r = gql(t, h, shop, `query($w: ProductWhereInput) { products(first: 5, where: $w) { totalCount } }`,
			map[string]any{"w": map[string]any{"hasTenantWith": []any{map[string]any{"subscriptionTier": "enterprise"}}}})
		requireErrorCode(t, r, 0, "UNAUTHENTICATED")
		assert.Equal(t, "where.hasTenantWith", r.Errors[0].Extensions["field"])
	})
}

func TestStorefrontFilterEdges(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		for _, who := range []string{testenv.PublishableA, testenv.CustomerA, testenv.Anonymous} {
			t.Run(who, func(t *testing.T) {
				hd := f.As(who)
				hd["X-Store-Host"] = "a1." + testenv.Config().PlatformDomain
				// The edges a storefront filters its products by.
				r := gql(t, h, hd, `{ products(first: 5, where: {hasVariantsWith: [{skuHasPrefix: "S"}], hasCategory: false}) { totalCount } }`, nil)
				require.Empty(t, r.Errors, r.Body)
				// Anything else across an edge is staff-only.
				for _, where := range []string{
					`hasTenantWith: [{country: "SA"}]`,
					`hasTenant: true`,
					`hasVariantsWith: [{hasProductWith: [{title: "x"}]}]`,
				} {
					r := gql(t, h, hd, `{ products(first: 5, where: {`+where+`}) { totalCount } }`, nil)
					requireErrorCode(t, r, 0, refusalFor(who))
					assertNoData(t, r)
				}
			})
		}
	})
}

func TestFilterValues(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		admin := f.As(testenv.SuperAdmin)
		for name, c := range map[string]struct{ where, field string }{
			"empty not":        {`not: {}`, "where.not"},
			"empty nested not": {`or: [{not: {}}]`, "where.or[0].not"},
			"long contains":    {`nameContains: "` + strings.Repeat("a", 101) + `"`, "where.nameContains"},
			"long prefix":      {`handleHasPrefix: "` + strings.Repeat("é", 101) + `"`, "where.handleHasPrefix"},
			"long equal fold":  {`nameEqualFold: "` + strings.Repeat("a", 101) + `"`, "where.nameEqualFold"},
			"too many values":  {`handleIn: [` + strings.Repeat(`"h" `, 201) + `]`, "where.handleIn"},
			"deep and/or":      {strings.Repeat(`and: [{`, 10) + `name: "x"` + strings.Repeat(`}]`, 10), ""},
		} {
			t.Run(name, func(t *testing.T) {
				r := gql(t, h, admin, `{ stores(first: 5, where: {`+c.where+`}) { totalCount } }`, nil)
				requireErrorCode(t, r, 0, "BAD_USER_INPUT")
				if c.field != "" {
					assert.Equal(t, c.field, r.Errors[0].Extensions["field"], r.Body)
				}
				assertNoData(t, r)
			})
		}
		// At the limits, filters pass.
		r := gql(t, h, admin, `{ stores(first: 5, where: {nameContains: "`+strings.Repeat("a", 100)+`", not: {name: "x"}}) { totalCount } }`, nil)
		require.Empty(t, r.Errors, r.Body)
	})
}

func TestFilterEdgesAddToCost(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		admin := f.As(testenv.SuperAdmin)
		const query = `{ products(first: 10, where: {%s}) { edges { node { id } } } }`
		// 10 × (edges 1 + node 1 + id 1 + 1) = 40 without edges; each edge predicate adds 25.
		h := apiWith(t, db, func(c *config.Config) { c.MaxComplexity = 80 })
		r := gql(t, h, admin, strings.Replace(query, "%s", `title: "x"`, 1), nil)
		require.Empty(t, r.Errors, r.Body)
		r = gql(t, h, admin, strings.Replace(query, "%s", `hasVariantsWith: [{sku: "x"}], hasOptions: true`, 1), nil)
		requireErrorCode(t, r, 0, "BAD_USER_INPUT")
		assert.Contains(t, r.Errors[0].Message, "complexity 90")
	})
}

func TestHiddenFieldsCannotBeFiltered(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		const probe = `query($t: ID!) { customers(tenantId: $t, first: 5, where: {hasAddressesWith: [{phoneHasPrefix: "+9"}]}) { totalCount } }`
		vars := map[string]any{"t": id(f.TenantA.ID)}

		// A store manager does not see customers' addresses, so may not filter by them.
		r := gql(t, h, f.As(testenv.ManagerA1), probe, vars)
		requireErrorCode(t, r, 0, "FORBIDDEN")
		assert.Equal(t, "where.hasAddressesWith", r.Errors[0].Extensions["field"])
		assertNoData(t, r)

		// The tenant's admin does.
		r = gql(t, h, f.As(testenv.TenantAdminA), probe, vars)
		require.Empty(t, r.Errors, r.Body)

		// A tenant's tier is staff data: the public may not probe it through tenants.
		r = gql(t, h, f.As(testenv.Anonymous), `{ tenants(first: 5, where: {subscriptionTierIn: [enterprise]}) { totalCount } }`, nil)
		requireErrorCode(t, r, 0, "UNAUTHENTICATED")
		assert.Equal(t, http.StatusOK, r.Status)
	})
}

// refusalFor is the code a refused filter answers who: callers who have not signed in are
// told to (UNAUTHENTICATED); signed-in ones are FORBIDDEN.
func refusalFor(who string) string {
	if who == testenv.Anonymous || who == testenv.PublishableA {
		return "UNAUTHENTICATED"
	}
	return "FORBIDDEN"
}
