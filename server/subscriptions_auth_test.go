package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/membership"
	lt "github.com/dakkah/cityos/livefeed/livefeedtest"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

const eventsOp = `subscription($s: ID, $t: [String!]) { events(storeId: $s, types: $t) { id type tenantId storeId aggregateType aggregateId sequence data } }`

// TestSubscriptionsRefuseWhomQueriesRefuse: visitors, storefront keys and customers get
// no feed (with the codes queries give), a store outside the caller's reach is refused
// as a query refuses it, and bad credentials end the connection at connection_init.
func TestSubscriptionsRefuseWhomQueriesRefuse(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		l := newLive(t, db)
		for p, code := range map[string]string{testenv.Anonymous: "UNAUTHENTICATED", testenv.PublishableA: "UNAUTHENTICATED", testenv.CustomerA: "FORBIDDEN"} {
			c := lt.MustDial(t, l.URL, lt.InitOf(l.As(p)))
			c.Subscribe(t, "o", orderEventsOp, nil)
			require.Equal(t, []string{code}, c.ErrorCodes(t), "%s: orderEvents", p)
			c.Subscribe(t, "e", eventsOp, nil)
			require.Equal(t, []string{code}, c.ErrorCodes(t), "%s: events", p)
		}

		ta := lt.MustDial(t, l.URL, lt.InitOf(l.As(testenv.TenantAdminA)))
		ta.Subscribe(t, "b1", orderEventsOp, map[string]any{"s": id(l.StoreB1.ID)})
		require.Equal(t, []string{"NOT_FOUND"}, ta.ErrorCodes(t), "another tenant's store, as node(id:) answers")
		ta.Subscribe(t, "none", orderEventsOp, map[string]any{"s": "999999"})
		require.Equal(t, []string{"NOT_FOUND"}, ta.ErrorCodes(t))
		ta.Subscribe(t, "types", eventsOp, map[string]any{"t": []string{"order.*.x*"}})
		require.Equal(t, []string{"BAD_USER_INPUT"}, ta.ErrorCodes(t))
		sm := lt.MustDial(t, l.URL, lt.InitOf(l.As(testenv.ManagerA1)))
		sm.Subscribe(t, "a2", orderEventsOp, map[string]any{"s": id(l.StoreA2.ID)})
		require.Equal(t, []string{"NOT_FOUND"}, sm.ErrorCodes(t), "a store the manager does not manage")

		for name, payload := range map[string]map[string]any{
			"bad token":   lt.Bearer("not-a-token"),
			"bad key":     {"X-Api-Key": "sk_nope"},
			"not bearer":  {"Authorization": "Basic abc"},
			"revoked key": revokedKey(t, l),
		} {
			_, err := lt.Dial(t, l.URL, payload)
			var ce websocket.CloseError
			require.ErrorAs(t, err, &ce, name)
			require.Equal(t, websocket.StatusCode(4401), ce.Code, "%s: %s", name, ce.Reason)
		}
		require.Zero(t, l.API.App.Live.Subscribers(), "no refused subscription stays registered")
	})
}

func createSecretKey(tenantID int) tenancy.CreateAPIKeyInput {
	return tenancy.CreateAPIKeyInput{TenantID: tenantID, Kind: apikey.KindSecret, Name: "dashboard",
		Roles: []membership.Role{membership.RoleTenantAdmin}}
}

// newServer serves c's API on a listener and returns its WebSocket address.
func newServer(t *testing.T, c *testenv.Commerce) string {
	srv := httptest.NewServer(c.API.Handler)
	t.Cleanup(srv.Close)
	return lt.URL(srv.URL)
}

// revokedKey is the init payload of a secret key of tenant A that was revoked.
func revokedKey(t *testing.T, l *live) map[string]any {
	t.Helper()
	sys := viewer.SystemContext(context.Background(), "test")
	k, err := l.API.App.Tenancy.CreateAPIKey(sys, createSecretKey(l.TenantA.ID))
	require.NoError(t, err)
	_, err = l.API.App.Tenancy.RevokeAPIKey(sys, k.APIKey.ID)
	require.NoError(t, err)
	return map[string]any{"apiKey": k.Token}
}

// TestTokenFormsInConnectionInit: the forms clients send credentials in.
func TestTokenFormsInConnectionInit(t *testing.T) {
	l := newLive(t, testenv.SQLite(t))
	bearer := l.As(testenv.TenantAdminA)["Authorization"]
	token := bearer[len("Bearer "):]
	for name, payload := range map[string]map[string]any{
		"Authorization":  {"Authorization": bearer},
		"authorization":  {"authorization": bearer},
		"token":          {"token": token},
		"headers object": {"headers": map[string]any{"Authorization": bearer}},
		"X-Api-Key":      {"X-Api-Key": l.Keys[testenv.SecretB]},
	} {
		c := lt.MustDial(t, l.URL, payload)
		c.Subscribe(t, "1", orderEventsOp, nil)
		waitSubscribers(t, l.API.App.Live, 1)
		c.Stop(t, "1")
		waitSubscribers(t, l.API.App.Live, 0)
		t.Log(name, "accepted")
	}
}

// TestConnectionEndsWhenTheTokenExpires: a connection signed in with an access token is
// closed (4401) when the token expires, ending its subscriptions.
func TestConnectionEndsWhenTheTokenExpires(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		l := newLive(t, db)
		iss, err := auth.NewIssuer([]byte(l.API.App.Config.JWTSecret), 2*time.Second)
		require.NoError(t, err)
		tok, _, err := iss.IssueAccess(l.Users[testenv.TenantAdminA].ID)
		require.NoError(t, err)
		c := lt.MustDial(t, l.URL, lt.Bearer(tok))
		c.Subscribe(t, "1", orderEventsOp, nil)
		waitSubscribers(t, l.API.App.Live, 1)
		code, reason := c.Closed(t)
		require.Equal(t, websocket.StatusCode(4401), code)
		require.Equal(t, "access token expired", reason)
		waitSubscribers(t, l.API.App.Live, 0)
	})
}

// TestConnectionEndsWhenTheKeyIsRevoked: the periodic re-check closes the connection of
// a key revoked after it connected.
func TestConnectionEndsWhenTheKeyIsRevoked(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		cfg := testenv.Config()
		cfg.WSRecheck = 20 * time.Millisecond
		c := testenv.NewCommerceWith(t, db, cfg)
		srv := newServer(t, c)
		conn := lt.MustDial(t, srv, map[string]any{"X-Api-Key": c.Keys[testenv.SecretB]})
		conn.Subscribe(t, "1", orderEventsOp, nil)
		waitSubscribers(t, c.API.App.Live, 1)
		_, err := c.API.App.Tenancy.RevokeAPIKey(viewer.SystemContext(context.Background(), "test"), c.KeyB.ID)
		require.NoError(t, err)
		code, reason := conn.Closed(t)
		require.Equal(t, websocket.StatusCode(4401), code, reason)
		waitSubscribers(t, c.API.App.Live, 0)
	})
}

// TestSubscriptionOverHTTPIsRefused: a subscription belongs on the WebSocket.
func TestSubscriptionOverHTTPIsRefused(t *testing.T) {
	f := testenv.NewFixture(t, testenv.SQLite(t))
	r := f.API.Do(t, f.As(testenv.TenantAdminA), orderEventsOp, nil)
	require.Equal(t, "BAD_USER_INPUT", r.Code())
	require.Contains(t, r.Errors[0].Message, "WebSocket")
}

// TestSocketLimits: subscriptions per connection are capped, browsers of origins CORS
// does not allow cannot connect, and connected clients are counted in the metrics.
func TestSocketLimits(t *testing.T) {
	cfg := testenv.Config()
	cfg.MaxSubscriptions = 2
	cfg.CORSOrigins = []string{"https://dash.example"}
	c := testenv.NewCommerceWith(t, testenv.SQLite(t), cfg)
	url := newServer(t, c)

	conn := lt.MustDial(t, url, lt.InitOf(c.As(testenv.TenantAdminA)))
	conn.Subscribe(t, "1", orderEventsOp, nil)
	conn.Subscribe(t, "2", orderEventsOp, nil)
	waitSubscribers(t, c.API.App.Live, 2)
	conn.Subscribe(t, "3", orderEventsOp, nil)
	require.Equal(t, []string{"RATE_LIMITED"}, conn.ErrorCodes(t))
	conn.Stop(t, "1")
	waitSubscribers(t, c.API.App.Live, 1)
	conn.Subscribe(t, "4", orderEventsOp, nil) // the slot came back
	waitSubscribers(t, c.API.App.Live, 2)

	res, err := http.Get("http" + strings.TrimSuffix(strings.TrimPrefix(url, "ws"), "/graphql") + "/metrics")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	_ = res.Body.Close()
	require.Contains(t, string(body), "cityos_subscription_clients 1")
	require.Contains(t, string(body), "cityos_subscriptions 2")

	ctx, cancel := context.WithTimeout(context.Background(), lt.Wait)
	defer cancel()
	_, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"},
		HTTPHeader: http.Header{"Origin": {"https://evil.example"}}})
	require.Error(t, err)
	require.Equal(t, http.StatusForbidden, resp.StatusCode)
	ok, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"},
		HTTPHeader: http.Header{"Origin": {"https://dash.example"}}})
	require.NoError(t, err)
	_ = ok.CloseNow()
}

// TestConnectionEndsWhenRolesChange: a store manager whose role is revoked is
// disconnected (4403) at the next re-check; reconnecting gives it its new scope.
func TestConnectionEndsWhenRolesChange(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		cfg := testenv.Config()
		cfg.WSRecheck = 20 * time.Millisecond
		c := testenv.NewCommerceWith(t, db, cfg)
		url := newServer(t, c)
		conn := lt.MustDial(t, url, lt.InitOf(c.As(testenv.ManagerA1)))
		conn.Subscribe(t, "1", orderEventsOp, nil)
		waitSubscribers(t, c.API.App.Live, 1)
		require.NoError(t, c.API.App.Tenancy.RevokeRole(viewer.SystemContext(context.Background(), "test"), c.MembershipManagerA1.ID))
		code, reason := conn.Closed(t)
		require.Equal(t, websocket.StatusCode(4403), code, reason)

		again := lt.MustDial(t, url, lt.InitOf(c.As(testenv.ManagerA1)))
		again.Subscribe(t, "1", orderEventsOp, nil)
		require.Equal(t, []string{"FORBIDDEN"}, again.ErrorCodes(t))
	})
}
