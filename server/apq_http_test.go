package server_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
)

func TestAutomaticPersistedQueries(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		h := f.API.Handler
		admin := f.As(testenv.TenantAdminA)
		// Persisted queries live in Redis, possibly shared with other runs: this one is new.
		query := fmt.Sprintf(`query APQ%d { me { email } }`, rand.Uint64())
		sum := sha256.Sum256([]byte(query))
		hash := hex.EncodeToString(sum[:])
		ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}
		wantData := `{"me":{"email":"admin@acme.test"}}`

		r := send(t, h, request{headers: admin, ext: ext})
		require.NotEmpty(t, r.Errors, r.Body)
		assert.Equal(t, "PersistedQueryNotFound", r.Errors[0].Message)
		assertNoData(t, r)

		r = send(t, h, request{headers: admin, query: query, ext: ext})
		require.Empty(t, r.Errors, r.Body)
		assert.JSONEq(t, wantData, string(r.Data))

		r = send(t, h, request{headers: admin, ext: ext})
		require.Empty(t, r.Errors, r.Body)
		assert.JSONEq(t, wantData, string(r.Data))

		// The hash alone works over GET too (cacheable by CDNs), even asking for HTML.
		extJSON, err := json.Marshal(ext)
		require.NoError(t, err)
		admin["Accept"] = "text/html,application/json"
		r = send(t, h, request{method: http.MethodGet, path: "/graphql?extensions=" + url.QueryEscape(string(extJSON)), headers: admin})
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		require.Empty(t, r.Errors, r.Body)
		assert.JSONEq(t, wantData, string(r.Data))

		// A query that does not match its hash is refused, not stored.
		other := fmt.Sprintf(`query Other%d { me { id } }`, rand.Uint64())
		r = send(t, h, request{headers: f.As(testenv.TenantAdminA), query: other, ext: ext})
		require.NotEmpty(t, r.Errors, r.Body)
		assert.Equal(t, "BAD_USER_INPUT", r.code())
		assertNoData(t, r)
		r = send(t, h, request{headers: f.As(testenv.TenantAdminA), ext: ext})
		assert.JSONEq(t, wantData, string(r.Data), "the hash still means the first query")
	})
}
