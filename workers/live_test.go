package workers_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	lt "github.com/dakkah/cityos/livefeed/livefeedtest"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/workers"
)

// TestPublishLiveReachesSubscribers: the consumer publishes a relayed event to the API's
// subscriptions: a dashboard sees the order placed through checkout, read with its own
// rights; an event meant for one integration endpoint (a sync snapshot) is never shown.
func TestPublishLiveReachesSubscribers(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		srv := httptest.NewServer(c.API.Handler)
		t.Cleanup(srv.Close)
		d := c.API.App.WorkerDeps()

		conn := lt.MustDial(t, lt.URL(srv.URL), lt.InitOf(c.As(testenv.TenantAdminA)))
		conn.Subscribe(t, "1", `subscription { orderEvents { id type order { id total store { handle } } } }`, nil)
		require.Eventually(t, func() bool { return c.API.App.Live.Subscribers() == 1 }, lt.Wait, pollEvery)

		o := lt.Place(t, c, c.StoreA1)
		ev := lt.Envelope(t, db.Client, o)
		targeted := ev // a snapshot for one endpoint, published first: it must not arrive
		targeted.ID += 1000
		endpoint := 7
		targeted.TargetEndpointID = &endpoint
		require.NoError(t, workers.PublishLive(d, context.Background(), targeted))
		require.NoError(t, workers.PublishLive(d, context.Background(), ev))

		var got struct {
			OrderEvents struct {
				ID, Type string
				Order    struct {
					ID    string
					Total int
					Store struct{ Handle string }
				}
			}
		}
		conn.NextData(t, &got)
		require.Equal(t, "evt_"+pad(ev.ID), got.OrderEvents.ID)
		require.Equal(t, strconv.Itoa(o.ID), got.OrderEvents.Order.ID)
		require.Equal(t, "a1", got.OrderEvents.Order.Store.Handle)
		require.EqualValues(t, o.Total, got.OrderEvents.Order.Total)

		// A retried task publishes again: the subscriber gets the same id twice.
		require.NoError(t, workers.PublishLive(d, context.Background(), ev))
		conn.NextData(t, &got)
		require.Equal(t, "evt_"+pad(ev.ID), got.OrderEvents.ID)
	})
}

const pollEvery = 5 * time.Millisecond

func pad(id int) string {
	s := strconv.Itoa(id)
	for len(s) < 16 {
		s = "0" + s
	}
	return s
}
