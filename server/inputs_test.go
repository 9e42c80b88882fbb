package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"entgo.io/contrib/entgql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// Malformed arguments are the client's mistake: BAD_USER_INPUT naming the argument, in
// words a client can read (no Go error text), and nothing is executed or stored.
func TestMalformedArgumentsNameTheArgument(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewCommerce(t, db)
		admin := f.As(testenv.SuperAdmin)
		shopper := f.Shop(testenv.Anonymous, "a1.dakkah.test")
		deep := map[string]any{}
		for i := 0; i < 40; i++ {
			deep = map[string]any{"d": deep}
		}
		tenant := id(f.TenantA.ID)
		cases := []struct {
			name    string
			headers testenv.Headers
			query   string
			vars    map[string]any
			field   string
		}{
			{"node id of letters", nil, `{ node(id: "abc") { id } }`, nil, "id"},
			{"cart id of letters", shopper, `query($c: ID!) { cart(id: $c) { id } }`, map[string]any{"c": "x"}, "id"},
			{"an id beyond 64 bits", admin, `query($id: ID!) { store(id: $id) { id } }`, map[string]any{"id": "99999999999999999999"}, "id"},
			{"one bad id of a list", admin, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": []any{tenant, "1.5"}}, "ids"},
			{"an id inside an input", shopper, `mutation($r: ID!) { createCart(input: {regionId: $r}) { id } }`, map[string]any{"r": "r-1"}, "regionId"},
			{"a cursor that does not decode", admin, `{ tenants(first: 5, after: "!!!") { totalCount } }`, nil, "after"},
			{"a bad cursor of a nested connection", f.As(testenv.CustomerA), `{ me { orders(first: 5, after: "AAAA") { totalCount } } }`, nil, "after"},
			{"a time that is no time", admin, `{ tenants(first: 5, where: {createdAtGT: "yesterday"}) { totalCount } }`, nil, "createdAtGT"},
			{"NUL in a string", shopper, `query($h: String!) { productByHandle(handle: $h) { id } }`, map[string]any{"h": "thobe\u0000"}, "handle"},
			{"NUL in a filter", admin, `query($n: String) { tenants(first: 5, where: {nameContains: $n}) { totalCount } }`, map[string]any{"n": "\u0000"}, "nameContains"},
			{"a string longer than any field", admin, `query($h: String!) { tenantByHandle(handle: $h) { id } }`, map[string]any{"h": strings.Repeat("h", 20_001)}, "handle"},
			{"metadata that is no object", admin, `mutation($id: ID!, $m: Map) { updateTenant(id: $id, input: {metadata: $m}) { id } }`,
				map[string]any{"id": tenant, "m": "not an object"}, "metadata"},
			{"metadata with a number no float holds", admin, `mutation($id: ID!, $m: Map) { updateTenant(id: $id, input: {metadata: $m}) { id } }`,
				map[string]any{"id": tenant, "m": map[string]any{"n": json.Number("1e400")}}, "metadata"},
			{"metadata with NUL", admin, `mutation($id: ID!, $m: Map) { updateTenant(id: $id, input: {metadata: $m}) { id } }`,
				map[string]any{"id": tenant, "m": map[string]any{"k": []any{"a\u0000"}}}, "metadata"},
			{"metadata nested too deep", admin, `mutation($id: ID!, $m: Map) { updateTenant(id: $id, input: {metadata: $m}) { id } }`,
				map[string]any{"id": tenant, "m": deep}, "metadata"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := gql(t, f.API.Handler, c.headers, c.query, c.vars)
				requireErrorCode(t, r, http.StatusOK, "BAD_USER_INPUT")
				assert.Equal(t, c.field, r.Errors[0].Extensions["field"], "message %q", r.Errors[0].Message)
				assert.Contains(t, r.Errors[0].Message, c.field, "the message names the argument too")
				assert.NotContains(t, r.Errors[0].Message, "strconv")
				assert.NotContains(t, r.Errors[0].Message, "msgpack")
			})
		}

		// Refused before anything was stored: the tenant's metadata is what it was.
		r := gql(t, f.API.Handler, admin, `query($id: ID!) { tenant(id: $id) { metadata } }`, map[string]any{"id": tenant})
		require.Empty(t, r.Errors, r.Body)
		assert.JSONEq(t, `{"tenant": {"metadata": {"secret": "a-meta"}}}`, string(r.Data))
	})
}

// A cursor the server never issued, with a value of the wrong type for the order, is
// refused by PostgreSQL when compared; that too is the client's mistake. (SQLite compares
// anything with anything: there it just selects nothing useful.)
func TestForgedCursorIsBadUserInput(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		var b strings.Builder
		entgql.Cursor[int]{ID: 1, Value: "not-a-time"}.MarshalGQL(&b)
		r := gql(t, f.API.Handler, f.As(testenv.SuperAdmin),
			`query($c: Cursor) { tenants(first: 5, after: $c, orderBy: {field: CREATED_AT}) { edges { cursor } } }`,
			map[string]any{"c": strings.Trim(b.String(), `"`)})
		if db.Dialect == "postgres" {
			requireErrorCode(t, r, http.StatusOK, "BAD_USER_INPUT")
			assertNoInternals(t, r.Body)
			return
		}
		require.Empty(t, r.Errors, r.Body)
	})
}
