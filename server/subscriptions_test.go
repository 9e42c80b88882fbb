package server_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/livefeed"
	lt "github.com/dakkah/cityos/livefeed/livefeedtest"
	"github.com/dakkah/cityos/testenv"
)

// testPoll is how often a test re-checks a condition it waits for.
const testPoll = 5 * time.Millisecond

const orderEventsOp = `subscription($s: ID) { orderEvents(storeId: $s) { id type sequence occurredAt order { id email store { handle } } } }`

type orderEvent struct {
	OrderEvents struct {
		ID, Type string
		Sequence int
		Order    *struct {
			ID, Email string
			Store     struct{ Handle string }
		}
	}
}

// live is a commerce fixture served over a real listener, for WebSocket clients.
type live struct {
	*testenv.Commerce
	URL string
}

func newLive(t *testing.T, db *testenv.DB) *live {
	c := testenv.NewCommerce(t, db)
	srv := httptest.NewServer(c.API.Handler)
	t.Cleanup(srv.Close)
	return &live{Commerce: c, URL: lt.URL(srv.URL)}
}

// waitSubscribers waits until the instance serves n subscriptions: only then is an
// event published sure to reach them (graphql-transport-ws does not acknowledge a
// subscribe).
func waitSubscribers(t *testing.T, hub *livefeed.Hub, n int) {
	t.Helper()
	require.Eventually(t, func() bool { return hub.Subscribers() == n }, lt.Wait, testPoll)
}

// placeAndPublish places an order in store and publishes its order.placed event as the
// workers' consumer does.
func (l *live) placeAndPublish(t *testing.T, store *ent.Store) *ent.Order {
	t.Helper()
	o := lt.Place(t, l.Commerce, store)
	ev := lt.Envelope(t, l.API.DB.Client, o)
	require.NoError(t, livefeed.Publish(context.Background(), l.API.App.Bus, l.API.App.Config.EventsChannel, ev))
	return o
}

// nextOrder is the order id of the connection's next order event.
func nextOrder(t *testing.T, c *lt.Conn) orderEvent {
	t.Helper()
	var e orderEvent
	c.NextData(t, &e)
	require.NotNil(t, e.OrderEvents.Order, "the subscriber may read the order of its event")
	return e
}

// TestOrderEventsFollowTheQueryRules: each subscriber sees exactly the orders its
// queries would show, in the order they were published, with the order read under its
// own rights; tenant B never sees tenant A's, a store manager never another store's.
func TestOrderEventsFollowTheQueryRules(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		l := newLive(t, db)
		conns := map[string]*lt.Conn{}
		for _, p := range []string{testenv.SuperAdmin, testenv.TenantAdminA, testenv.ManagerA1, testenv.SecretB} {
			conns[p] = lt.MustDial(t, l.URL, lt.InitOf(l.As(p)))
			conns[p].Subscribe(t, "1", orderEventsOp, nil)
		}
		waitSubscribers(t, l.API.App.Live, len(conns))

		// Interleaved, so that each subscriber's filter must skip events between two it gets.
		o1 := l.placeAndPublish(t, l.StoreA2)
		o2 := l.placeAndPublish(t, l.StoreB1)
		o3 := l.placeAndPublish(t, l.StoreA1)
		o4 := l.placeAndPublish(t, l.StoreB1)
		o5 := l.placeAndPublish(t, l.StoreA1)

		want := map[string][]*ent.Order{
			testenv.SuperAdmin:   {o1, o2, o3, o4, o5},
			testenv.TenantAdminA: {o1, o3, o5},
			testenv.ManagerA1:    {o3, o5},
			testenv.SecretB:      {o2, o4},
		}
		for p, orders := range want {
			for _, o := range orders {
				e := nextOrder(t, conns[p])
				require.Equal(t, strconv.Itoa(o.ID), e.OrderEvents.Order.ID, "%s: events arrive in order, only its own", p)
				require.Equal(t, "order.placed", e.OrderEvents.Type)
				require.Regexp(t, `^evt_\d{16}$`, e.OrderEvents.ID)
				require.Equal(t, "shopper@example.test", e.OrderEvents.Order.Email)
			}
		}
	})
}
