package server_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	lt "github.com/dakkah/cityos/livefeed/livefeedtest"
	"github.com/dakkah/cityos/testenv"
)

// Every operation a WebSocket runs — a query, a mutation, a subscription's start — is
// charged to its caller's rate limit, as an HTTP request is: one socket does not buy
// unlimited operations. Past the limit an operation is refused RATE_LIMITED and the
// socket stays open; the caller's HTTP requests share the same count.
func TestSocketOperationsAreRateLimited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewFixture(t, db)
		// A Redis of its own: tests share one, and their users' ids (so their buckets).
		mr := miniredis.RunT(t)
		cfg := testenv.Config()
		cfg.RateLimit = 3
		api := testenv.NewAPIWithRedis(t, db, cfg, redis.NewClient(&redis.Options{Addr: mr.Addr()}), mr.Addr())
		srv := httptest.NewServer(api.Handler)
		t.Cleanup(srv.Close)
		url := lt.URL(srv.URL)

		admin := lt.MustDial(t, url, lt.InitOf(c.As(testenv.TenantAdminA)))
		for _, id := range []string{"1", "2", "3"} {
			admin.Subscribe(t, id, meQuery, nil)
			assert.NotContains(t, result(t, admin), "errors", "operation %s", id)
		}
		admin.Subscribe(t, "4", meQuery, nil)
		assert.Equal(t, []string{"RATE_LIMITED"}, admin.ErrorCodes(t), "a query past the limit")
		admin.Subscribe(t, "5", orderEventsOp, nil)
		assert.Equal(t, []string{"RATE_LIMITED"}, admin.ErrorCodes(t), "a subscription past the limit")
		// The same count holds over HTTP.
		r := send(t, api.Handler, request{query: meQuery, remote: uniqueClient(), headers: c.As(testenv.TenantAdminA)})
		requireErrorCode(t, r, http.StatusTooManyRequests, "RATE_LIMITED")

		// Another caller has a count of its own.
		other := lt.MustDial(t, url, lt.InitOf(c.As(testenv.TenantAdminB)))
		other.Subscribe(t, "1", meQuery, nil)
		assert.Contains(t, result(t, other), "admin@bolt.test")
	})
}

// result is the payload of the next result on c, past the ends of earlier operations.
func result(t *testing.T, c *lt.Conn) string {
	t.Helper()
	m, err := c.Next(t)
	for err == nil && m.Type == "complete" {
		m, err = c.Next(t)
	}
	require.NoError(t, err)
	require.Equal(t, "next", m.Type, "%s", m.Payload)
	return string(m.Payload)
}

// A query over a WebSocket runs under the request deadline, as over HTTP (a deadline of
// a nanosecond has passed by the time its resolver runs).
func TestSocketQueriesHaveTheRequestDeadline(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewFixture(t, db)
		cfg := testenv.Config()
		cfg.RequestTimeout = time.Nanosecond
		srv := httptest.NewServer(testenv.NewAPI(t, db, cfg).Handler)
		t.Cleanup(srv.Close)
		admin := lt.MustDial(t, lt.URL(srv.URL), lt.InitOf(c.As(testenv.TenantAdminA)))

		admin.Subscribe(t, "q", `{ tenants(first: 5) { totalCount } }`, nil)
		assert.Contains(t, result(t, admin), "timed out")
	})
}
