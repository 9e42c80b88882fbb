package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/livefeed"
	lt "github.com/dakkah/cityos/livefeed/livefeedtest"
	"github.com/dakkah/cityos/pubsub"
	"github.com/dakkah/cityos/testenv"
)

// TestTwoInstancesShareTheFeed: a dashboard connected to instance 1 sees an order placed
// through instance 2 and published from there, over the Redis both use.
func TestTwoInstancesShareTheFeed(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		l := newLive(t, db)
		one := l.API.App
		// Instance 2: its own services and its own Redis connection, the same database,
		// Redis server and channel.
		cfg := testenv.Config()
		cfg.EventsChannel = one.Config.EventsChannel
		rdb2 := redis.NewClient(one.Redis.Options())
		t.Cleanup(func() { _ = rdb2.Close() })
		two := testenv.NewAPIWithRedis(t, db, cfg, rdb2, one.RedisAddr)
		srv2 := httptest.NewServer(two.Handler)
		t.Cleanup(srv2.Close)

		c := lt.MustDial(t, l.URL, lt.InitOf(l.As(testenv.TenantAdminA)))
		c.Subscribe(t, "1", orderEventsOp, nil)
		waitSubscribers(t, one.Live, 1)

		viaTwo, f := *l.Commerce, *l.Fixture // the same fixture, checked out through instance 2
		f.API, viaTwo.Fixture = two, &f
		o := lt.Place(t, &viaTwo, l.StoreA1)
		require.NoError(t, livefeed.Publish(context.Background(), pubsub.NewRedis(rdb2), cfg.EventsChannel, lt.Envelope(t, db.Client, o)))

		e := nextOrder(t, c)
		require.Equal(t, strconv.Itoa(o.ID), e.OrderEvents.Order.ID)
		require.Equal(t, "a1", e.OrderEvents.Order.Store.Handle)
		require.Zero(t, two.App.Live.Subscribers(), "the subscriber is instance 1's")
	})
}

// TestGraphQLWSClient: the npm client graphql-ws (pinned in testdata/node, installed on
// first use) subscribes with its token in connection_init, gets tenant A's order and
// never tenant B's, which was published first.
func TestGraphQLWSClient(t *testing.T) {
	dir := testenv.NodePackages(t, "testdata/node")
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		l := newLive(t, db)
		token := strings.TrimPrefix(l.As(testenv.TenantAdminA)["Authorization"], "Bearer ")
		lines := runNode(t, dir, map[string]string{"URL": l.URL, "TOKEN": token, "COUNT": "1",
			"QUERY": `subscription { orderEvents { id type order { id store { handle } } } }`})

		require.JSONEq(t, `{"connected":true}`, <-lines)
		waitSubscribers(t, l.API.App.Live, 1)
		l.placeAndPublish(t, l.StoreB1)
		o := l.placeAndPublish(t, l.StoreA1)

		var got struct {
			Next struct {
				Data struct {
					OrderEvents struct {
						Type  string
						Order struct {
							ID    string
							Store struct{ Handle string }
						}
					}
				}
				Errors []any
			}
		}
		require.NoError(t, json.Unmarshal([]byte(<-lines), &got))
		require.Empty(t, got.Next.Errors)
		require.Equal(t, "order.placed", got.Next.Data.OrderEvents.Type)
		require.Equal(t, strconv.Itoa(o.ID), got.Next.Data.OrderEvents.Order.ID, "tenant A's order, not B's published before it")
		require.Equal(t, "a1", got.Next.Data.OrderEvents.Order.Store.Handle)

		anon := runNode(t, dir, map[string]string{"URL": l.URL, "QUERY": `subscription { orderEvents { id } }`})
		require.JSONEq(t, `{"connected":true}`, <-anon)
		require.Contains(t, <-anon, `"code":"UNAUTHENTICATED"`)
	})
}

// runNode runs subscribe.mjs with env and returns its output lines; the channel closes
// when the script exits.
func runNode(t *testing.T, dir string, env map[string]string) <-chan string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), lt.Wait)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, "node", "subscribe.mjs")
	cmd.Dir = dir
	cmd.Env = os.Environ()
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	lines := make(chan string, 16)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	t.Cleanup(func() {
		cancel()
		if err := cmd.Wait(); err != nil && ctx.Err() == nil {
			t.Errorf("node: %v\n%s", err, stderr.String())
		}
	})
	return lines
}
