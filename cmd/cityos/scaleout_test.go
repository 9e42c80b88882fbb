package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// Two `cityos api` and two `cityos worker` processes on one PostgreSQL database and one
// Redis behave as one platform: an order placed through one API is seen through the
// other; a staff change through one API drops the other's catalog cache; every event
// reaches a webhook endpoint once, though both workers relay the outbox and serve the
// queue. It needs a real PostgreSQL and Redis, which the processes share.
func TestTwoAPIsAndTwoWorkers(t *testing.T) {
	base, redisURL := os.Getenv("CITYOS_TEST_DATABASE_URL"), os.Getenv("CITYOS_TEST_REDIS_URL")
	if base == "" || redisURL == "" {
		t.Skip("needs CITYOS_TEST_DATABASE_URL and CITYOS_TEST_REDIS_URL: the processes share a PostgreSQL and a Redis")
	}
	bin := buildCityOS(t)
	db := testenv.Postgres(t, base)
	c := testenv.NewCommerce(t, db)
	renumberEvents(t, db)
	hook := newReceiver(t)

	env := []string{
		"DATABASE_URL=" + schemaURL(t, base, db), "REDIS_URL=" + redisURL,
		"CITYOS_ENV=dev", "CITYOS_PLATFORM_DOMAIN=dakkah.test", "CITYOS_JWT_SECRET=" + testenv.Config().JWTSecret,
		"CITYOS_DATA_DIR=" + t.TempDir(), "CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST=true",
		"CITYOS_EVENTS_CHANNEL=test:" + randomHex(t) + ":events",
		// Long enough that only an invalidation can refresh the catalog cache.
		"CITYOS_CATALOG_CACHE_TTL=1h",
		// All requests come from one address: the limit is not under test.
		"CITYOS_RATE_LIMIT=100000",
	}
	api1 := startProcess(t, bin, "api", env)
	api2 := startProcess(t, bin, "api", env)
	startProcess(t, bin, "worker", env)
	startProcess(t, bin, "worker", env)

	admin := c.As(testenv.TenantAdminA)
	var ep struct {
		CreateIntegrationEndpoint struct{ Endpoint struct{ ID string } }
	}
	gql(t, api1, admin, `mutation($t: ID!, $u: String!) { createIntegrationEndpoint(input: {tenantId: $t, url: $u,
		eventTypes: ["order.placed", "product.updated"]}) { endpoint { id } } }`,
		map[string]any{"t": c.TenantA.ID, "u": hook.URL}, &ep)

	// A storefront checkout through API 1; tenant staff see the order through API 2.
	shopper := c.Shop(testenv.Anonymous, "a1.dakkah.test")
	var cart struct{ CreateCart struct{ ID string } }
	gql(t, api1, shopper, `mutation($r: ID!) { createCart(input: {regionId: $r, email: "two@example.com"}) { id } }`,
		map[string]any{"r": c.SAR.ID}, &cart)
	gql(t, api1, shopper, `mutation($c: ID!, $v: ID!, $a: AddressInput!, $o: ID!) {
		addLineItem(cartId: $c, variantId: $v, quantity: 1) { id }
		setShippingAddress(cartId: $c, input: $a) { id }
		setShippingMethod(cartId: $c, shippingOptionId: $o) { total } }`,
		map[string]any{"c": cart.CreateCart.ID, "v": c.Variants["thobe"].ID, "o": c.ShipSAR.ID,
			"a": map[string]any{"firstName": "Two", "lastName": "Processes", "address1": "1 King Fahd Rd",
				"city": "Riyadh", "postalCode": "12211", "countryCode": "SA", "phone": "+966500000000"}}, nil)
	var placed struct{ CompleteCart struct{ ID string } }
	gql(t, api1, shopper, `mutation($c: ID!) { completeCart(cartId: $c, idempotencyKey: "two-apis") { id } }`,
		map[string]any{"c": cart.CreateCart.ID}, &placed)
	var seen struct {
		Orders struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	gql(t, api2, admin, `{ orders(first: 10) { edges { node { id } } } }`, nil, &seen)
	require.Len(t, seen.Orders.Edges, 1)
	require.Equal(t, placed.CompleteCart.ID, seen.Orders.Edges[0].Node.ID)

	// API 2 caches the storefront grid; a staff change through API 1 drops that cache.
	title := func() string {
		var out struct {
			Products struct {
				Edges []struct{ Node struct{ Title string } }
			}
		}
		gql(t, api2, shopper, `{ products(first: 10, where: {handle: "thobe"}) { edges { node { title } } } }`, nil, &out)
		require.Len(t, out.Products.Edges, 1)
		return out.Products.Edges[0].Node.Title
	}
	require.Equal(t, "The thobe", title())
	sys := viewer.SystemContext(context.Background(), "test")
	require.NoError(t, db.Client.Product.UpdateOneID(c.Products["thobe"].ID).SetTitle("Renamed").Exec(sys))
	require.Equal(t, "The thobe", title(), "served from API 2's cache: no API made the change")
	gql(t, api1, admin, `mutation($id: ID!) { updateProduct(id: $id, input: {description: "two processes"}) { id } }`,
		map[string]any{"id": c.Products["thobe"].ID}, nil)
	require.Eventually(t, func() bool { return title() == "Renamed" }, 30*time.Second, 50*time.Millisecond,
		"API 1's change drops API 2's cache")

	// The order's event and the product's reach the endpoint, each once.
	require.Eventually(t, func() bool {
		// The product's: the direct rename and the API's change.
		return hook.count("order.placed") >= 1 && hook.count("product.updated") >= 2
	}, 60*time.Second, 50*time.Millisecond, "the workers deliver the events")
	require.Equal(t, 1, hook.count("order.placed"))
	for id, n := range hook.deliveries() {
		require.Equal(t, 1, n, "event %s delivered %d times", id, n)
	}
}

// client bounds every request, so a process that stops answering fails the test.
var client = &http.Client{Timeout: 30 * time.Second}

// buildCityOS builds the binary under test.
func buildCityOS(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "cityos")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// schemaURL is base pointed at the test's own schema, which the processes share.
func schemaURL(t *testing.T, base string, db *testenv.DB) string {
	t.Helper()
	var schema string
	require.NoError(t, db.SQL.QueryRow("SELECT current_schema()").Scan(&schema))
	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// renumberEvents moves the outbox's ids on by a random amount. An event's task id is
// its outbox id, and the queue remembers finished tasks for an hour: a fresh schema
// numbers its events as the last run's did, whose tasks would hide this run's.
func renumberEvents(t *testing.T, db *testenv.DB) {
	t.Helper()
	n, err := rand.Int(rand.Reader, big.NewInt(1<<30))
	require.NoError(t, err)
	_, err = db.SQL.Exec(`SELECT setval(pg_get_serial_sequence('outbox_events', 'id'),
		nextval(pg_get_serial_sequence('outbox_events', 'id')) + $1)`, n.Int64())
	require.NoError(t, err)
}

// startProcess runs `cityos <command>` on a free port until the test ends, and returns
// its base URL once it is ready. Its output is shown when the test fails.
func startProcess(t *testing.T, bin, command string, env []string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	cmd := exec.Command(bin, command)
	cmd.Env = append(append(os.Environ(), env...), "PORT="+itoa(port))
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("cityos %s on port %d:\n%s", command, port, out.String())
		}
	})
	base := "http://127.0.0.1:" + itoa(port)
	require.Eventually(t, func() bool {
		select {
		case <-exited:
			return true // said below
		default:
		}
		res, err := client.Get(base + "/readyz")
		if err != nil {
			return false
		}
		_ = res.Body.Close()
		return res.StatusCode == http.StatusOK
	}, 60*time.Second, 50*time.Millisecond, "cityos %s ready", command)
	select {
	case <-exited:
		t.Fatalf("cityos %s exited:\n%s", command, out.String())
	default:
	}
	return base
}

// gql posts a GraphQL request to the API at base and decodes its data into out (nil
// for none); an error in the answer fails the test.
func gql(t *testing.T, base string, h testenv.Headers, query string, vars map[string]any, out any) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	for k, v := range h {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	var resp struct {
		Data   json.RawMessage   `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	require.NoError(t, json.Unmarshal(raw, &resp), "%s", raw)
	require.Empty(t, resp.Errors, "%s", raw)
	if out != nil {
		require.NoError(t, json.Unmarshal(resp.Data, out))
	}
}

// receiver is a webhook endpoint that counts what it is sent, by webhook-id (the event's
// id) and by type.
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	byID   map[string]int
	byType map[string]int
}

func newReceiver(t *testing.T) *receiver {
	r := &receiver{byID: map[string]int{}, byType: map[string]int{}}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var ev struct{ Type string }
		_ = json.NewDecoder(req.Body).Decode(&ev)
		r.mu.Lock()
		r.byID[req.Header.Get("webhook-id")]++
		r.byType[ev.Type]++
		r.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) count(typ string) int { r.mu.Lock(); defer r.mu.Unlock(); return r.byType[typ] }

func (r *receiver) deliveries() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]int{}
	for id, n := range r.byID {
		out[id] = n
	}
	return out
}

func randomHex(t *testing.T) string {
	b := make([]byte, 6)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}
