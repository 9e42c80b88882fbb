package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

// An answer without errors is the executor's data in an envelope, the same data gqlgen's
// own transport writes for a client that asks for application/graphql-response+json.
func TestJSONAnswersAreTheDataInAnEnvelope(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		const q = `{ stores(first: 2) { totalCount edges { node { handle name themeConfig { colors { primary } } } } } }`
		admin := f.As(testenv.TenantAdminA)

		plain := send(t, h, request{headers: admin, query: q})
		require.Equal(t, http.StatusOK, plain.Status, plain.Body)
		assert.Equal(t, "application/json", plain.Header.Get("Content-Type"))
		require.True(t, strings.HasPrefix(plain.Body, `{"data":{"stores":`) && strings.HasSuffix(plain.Body, "}"), plain.Body)
		assert.NotContains(t, plain.Body, `"errors"`)

		asked := testenv.Headers{"Accept": "application/graphql-response+json"}
		for k, v := range admin {
			asked[k] = v
		}
		other := send(t, h, request{headers: asked, query: q})
		require.Equal(t, http.StatusOK, other.Status, other.Body)
		assert.Equal(t, "application/graphql-response+json", other.Header.Get("Content-Type"))
		var a, b map[string]any
		require.NoError(t, json.Unmarshal([]byte(plain.Body), &a))
		require.NoError(t, json.Unmarshal([]byte(other.Body), &b))
		assert.Equal(t, b, a)
	})
}

// Errors are still written whole, with the statuses clients rely on.
func TestJSONErrorsKeepTheirStatus(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		r := send(t, h, request{query: `{ nosuchfield }`})
		assert.Equal(t, http.StatusUnprocessableEntity, r.Status, r.Body)
		require.NotEmpty(t, r.Errors)
		assert.Equal(t, "BAD_USER_INPUT", r.code())

		r = send(t, h, request{raw: strings.NewReader(`{"query": `)})
		assert.Equal(t, http.StatusBadRequest, r.Status, r.Body)
		require.NotEmpty(t, r.Errors, r.Body)

		// A field that fails is written with its error (here the whole data nulled, as the
		// field is non-null).
		r = send(t, h, request{query: `{ __typename orders(first: 1) { totalCount } }`})
		assert.Equal(t, http.StatusOK, r.Status, r.Body)
		assert.Contains(t, r.Body, `"data":null`)
		assert.Equal(t, "UNAUTHENTICATED", r.code())
		assert.NotEmpty(t, r.Errors, r.Body)
	})
}
