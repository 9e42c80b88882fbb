package server_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/testenv"
)

// A request's work ends at its deadline: a request whose deadline has passed runs no
// statement (a deadline of a nanosecond has passed by the time the resolver runs).
func TestRequestDeadline(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		testenv.NewFixture(t, db)
		const q = `{ tenants(first: 5) { totalCount } }`
		h := apiWith(t, db, func(c *config.Config) { c.RequestTimeout = time.Nanosecond })
		r := gql(t, h, nil, q, nil)
		require.NotEmpty(t, r.Errors, r.Body)
		assert.Contains(t, r.Errors[0].Message, "timed out")
		assert.JSONEq(t, "null", string(r.Data))

		h = apiWith(t, db, func(c *config.Config) { c.RequestTimeout = time.Minute })
		r = gql(t, h, nil, q, nil)
		require.Empty(t, r.Errors, r.Body)
	})
}
