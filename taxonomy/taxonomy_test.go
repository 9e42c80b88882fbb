package taxonomy_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

func TestTaxonomyWrites(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		sa := f.As(testenv.SuperAdmin)
		do := func(q string, vars map[string]any) *testenv.Response { return f.API.Do(t, sa, q, vars) }

		r := do(`mutation { createCountry(input: {code: "sa", name: "Saudi Arabia"}) { id code name } }`, nil)
		require.Empty(t, r.Errors)
		require.JSONEq(t, `"SA"`, string(mustField(t, r, "createCountry", "code")), "codes are upper-cased")
		require.Equal(t, "CONFLICT", do(`mutation { createCountry(input: {code: "SA", name: "Again"}) { id } }`, nil).Code())
		bad := do(`mutation { createCountry(input: {code: "SAU", name: "x"}) { id } }`, nil)
		require.Equal(t, "BAD_USER_INPUT", bad.Code())
		require.Equal(t, "code", bad.Errors[0].Extensions["field"])

		var scope struct{ CreateScope struct{ ID string } }
		do(`mutation { createScope(input: {handle: "retail", name: "Retail"}) { id } }`, nil).Decode(t, &scope)
		var cat struct{ CreateCategory struct{ ID string } }
		do(`mutation($s: ID) { createCategory(input: {handle: "fashion", name: "Fashion", scopeId: $s}) { id } }`,
			map[string]any{"s": scope.CreateScope.ID}).Decode(t, &cat)
		require.Empty(t, do(`mutation($c: ID!) { createSubcategory(input: {categoryId: $c, handle: "abayas", name: "Abayas"}) { id } }`,
			map[string]any{"c": cat.CreateCategory.ID}).Errors)
		require.Equal(t, "CONFLICT", do(`mutation($c: ID!) { createSubcategory(input: {categoryId: $c, handle: "abayas", name: "Twice"}) { id } }`,
			map[string]any{"c": cat.CreateCategory.ID}).Code(), "a handle is unique within its category")

		// Everyone reads the taxonomy.
		var read struct {
			Countries  []struct{ Code string }
			Categories struct{ TotalCount int }
		}
		f.API.MustDo(t, f.As(testenv.Anonymous), `{ countries { code } categories(first: 10) { totalCount } }`, nil).Decode(t, &read)
		require.Equal(t, []struct{ Code string }{{"SA"}}, read.Countries)
		require.Equal(t, 1, read.Categories.TotalCount)
	})
}

func mustField(t *testing.T, r *testenv.Response, root, field string) []byte {
	t.Helper()
	var out map[string]map[string]any
	r.Decode(t, &out)
	v, ok := out[root][field]
	require.True(t, ok, "%s.%s", root, field)
	b, _ := json.Marshal(v)
	return b
}
