package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/testenv"
)

func TestGraphiQLOnlyInDev(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		browser := testenv.Headers{"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
		dev := apiWith(t, db, func(c *config.Config) { c.Env = "dev" })
		prod := apiWith(t, db, func(c *config.Config) { c.Env = "prod" })

		r := send(t, dev, request{method: http.MethodGet, headers: browser})
		require.Equal(t, http.StatusOK, r.Status)
		assert.Contains(t, r.Header.Get("Content-Type"), "text/html")
		assert.Contains(t, strings.ToLower(r.Body), "graphiql")

		r = send(t, prod, request{method: http.MethodGet, headers: browser})
		assert.NotContains(t, r.Header.Get("Content-Type"), "text/html")
		assert.NotContains(t, strings.ToLower(r.Body), "graphiql")
		assert.NotContains(t, strings.ToLower(r.Body), "<html")
		assert.NotEqual(t, http.StatusOK, r.Status, r.Body)

		// GET queries still work in both, HTML in the Accept header or not.
		for name, h := range map[string]http.Handler{"dev": dev, "prod": prod} {
			r := send(t, h, request{method: http.MethodGet, path: "/graphql?query=%7B__typename%7D", headers: browser})
			require.Equal(t, http.StatusOK, r.Status, "%s: %s", name, r.Body)
			assert.JSONEq(t, `{"__typename":"Query"}`, string(r.Data), name)
		}
	})
}

func TestIntrospectionOnlyInDev(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		dev := apiWith(t, db, func(c *config.Config) { c.Env = "dev" })
		prod := apiWith(t, db, func(c *config.Config) { c.Env = "prod" })
		const schemaQuery = `{ __schema { queryType { name } } }`
		const typeQuery = `{ __type(name: "User") { name fields { name } } }`

		r := gql(t, dev, nil, schemaQuery, nil)
		require.Empty(t, r.Errors, r.Body)
		assert.JSONEq(t, `{"__schema":{"queryType":{"name":"Query"}}}`, string(r.Data))
		r = gql(t, dev, nil, typeQuery, nil)
		require.Empty(t, r.Errors, r.Body)
		var d struct {
			Type struct{ Name string } `json:"__type"`
		}
		require.NoError(t, json.Unmarshal(r.Data, &d))
		assert.Equal(t, "User", d.Type.Name)

		// In production the schema is not for browsing, whoever asks.
		for _, who := range []string{testenv.Anonymous, testenv.SuperAdmin} {
			for _, q := range []string{schemaQuery, typeQuery} {
				r := gql(t, prod, f.As(who), q, nil)
				require.NotEmpty(t, r.Errors, "%s %s: %s", who, q, r.Body)
				assert.Equal(t, "BAD_USER_INPUT", r.code(), r.Body)
				assert.Equal(t, "introspection is disabled", r.Errors[0].Message)
				assert.NotContains(t, r.Body, `"queryType"`)
				assert.NotContains(t, r.Body, `"fields"`)
			}
		}
		// __typename is not introspection: clients rely on it.
		r = gql(t, prod, nil, `{ __typename }`, nil)
		require.Empty(t, r.Errors, r.Body)
	})
}

// GET / points to /graphql (GraphiQL only in dev); other unknown paths stay 404.
func TestRootPointsToGraphQL(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		dev := apiWith(t, db, func(c *config.Config) { c.Env = "dev" })
		prod := apiWith(t, db, func(c *config.Config) { c.Env = "prod" })
		r := send(t, dev, request{method: http.MethodGet, path: "/"})
		require.Equal(t, http.StatusOK, r.Status)
		assert.Contains(t, r.Header.Get("Content-Type"), "text/plain")
		assert.Contains(t, r.Body, "/graphql")
		assert.Contains(t, r.Body, "GraphiQL")
		r = send(t, prod, request{method: http.MethodGet, path: "/"})
		require.Equal(t, http.StatusOK, r.Status)
		assert.Contains(t, r.Body, "/graphql")
		assert.NotContains(t, r.Body, "GraphiQL")
		assert.Equal(t, http.StatusNotFound, send(t, prod, request{method: http.MethodGet, path: "/nope"}).Status)
	})
}
