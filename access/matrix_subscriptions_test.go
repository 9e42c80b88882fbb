package access_test

// The subscriptions' rows of the matrix. A cell connects as its principal over
// WebSocket and subscribes; a refused one gets its error; an allowed one is sent the
// order.placed events of orders in A2, B1 and A1 (in that order), then a marker in A1
// and one in B1, and its data is every event it got before its first marker, as a list
// under the field's name. Every principal that may watch anything sees a marker, and the
// hub keeps each subscriber's events in publication order, so what came before it is
// exactly what the subscriber was sent.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/livefeed"
	lt "github.com/dakkah/cityos/livefeed/livefeedtest"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
)

func subscriptionCases() []Case {
	forbidden, unauthenticated := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED")
	stores := func(f *fx, handles ...string) []string {
		ids := map[string]int{"a1": f.StoreA1.ID, "a2": f.StoreA2.ID, "b1": f.StoreB1.ID}
		out := make([]string, len(handles))
		for i, h := range handles {
			out[i] = gid(ids[h])
		}
		return out
	}
	return []Case{
		{
			Name: "orderEvents",
			Op:   `subscription { orderEvents { id type order { email store { handle } } } }`,
			Expect: Cells{
				SA: Filtered(Seen("orderEvents", "order.store.handle", "a2", "b1", "a1")),
				TA: Filtered(Seen("orderEvents", "order.store.handle", "a2", "a1")),
				SM: Filtered(Seen("orderEvents", "order.store.handle", "a1")),
				CU: forbidden, PK: unauthenticated,
				SK: Filtered(Seen("orderEvents", "order.store.handle", "b1")),
				AN: unauthenticated,
			},
		},
		{
			Name: "events",
			Op:   `subscription { events(types: ["order.*"]) { id type storeId aggregateType data } }`,
			Expect: Cells{
				SA: Filtered(SeenF("events", "storeId", func(f *fx) []string { return stores(f, "a2", "b1", "a1") })),
				TA: Filtered(SeenF("events", "storeId", func(f *fx) []string { return stores(f, "a2", "a1") })),
				SM: Filtered(SeenF("events", "storeId", func(f *fx) []string { return stores(f, "a1") })),
				CU: forbidden, PK: unauthenticated,
				SK: Filtered(SeenF("events", "storeId", func(f *fx) []string { return stores(f, "b1") })),
				AN: unauthenticated,
			},
		},
	}
}

// Seen checks the values at path (dotted) of the events received under root, in order.
func Seen(root, path string, want ...string) Check {
	return SeenF(root, path, func(*fx) []string { return want })
}

// SeenF is Seen with values that depend on the fixture (ids).
func SeenF(root, path string, want func(f *fx) []string) Check {
	return func(f *fx, data any) error {
		its, err := items(data, root)
		if err != nil {
			return err
		}
		var got []string
		for _, it := range its {
			v, err := at(it, path)
			if err != nil {
				return err
			}
			got = append(got, fmt.Sprint(v))
		}
		if w := want(f); strings.Join(got, ",") != strings.Join(w, ",") {
			return fmt.Errorf("%s: %s = [%s], want [%s]", root, path, strings.Join(got, ","), strings.Join(w, ","))
		}
		return nil
	}
}

// markerBase numbers the marker events apart from the real ones.
const markerBase = 1 << 40

func TestSubscriptionMatrix(t *testing.T) {
	checkCases(t, subscriptionCases())
	if t.Failed() {
		t.FailNow()
	}
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := newFx(t, db)
		srv := httptest.NewServer(f.API.Handler)
		t.Cleanup(srv.Close)
		var events []outbox.Event
		for _, st := range []*ent.Store{f.StoreA2, f.StoreB1, f.StoreA1} {
			events = append(events, lt.Envelope(t, db.Client, lt.Place(t, f.Commerce, st)))
		}
		markerA, markerB := events[2], events[1]
		markerA.ID, markerB.ID = markerBase+1, markerBase+2
		events = append(events, markerA, markerB)

		for _, c := range subscriptionCases() {
			for _, p := range testenv.Principals {
				t.Run(c.Name+"/"+p, func(t *testing.T) {
					want := c.Expect.byPrincipal()[p]
					r := subscribeCell(t, f, lt.URL(srv.URL), c, p, want, events)
					if err := want.eval(f, r); err != nil {
						t.Errorf("%s as %s: want %s: %v", c.Name, p, want, err)
					}
				})
			}
		}
	})
}

// pollInterval is how often a cell re-checks the hub's count of subscribers.
const pollInterval = 5 * time.Millisecond

// subscribeCell runs one cell and returns what the principal got as a response.
func subscribeCell(t *testing.T, f *fx, url string, c Case, p string, want Outcome, events []outbox.Event) *testenv.Response {
	conn := lt.MustDial(t, url, lt.InitOf(f.As(p)))
	conn.Subscribe(t, "1", c.Op, nil)
	_, fields, err := parseOp(c.Op)
	require.NoError(t, err)
	root := fields[0]
	if want.kind == deny {
		r := &testenv.Response{}
		for _, code := range conn.ErrorCodes(t) {
			r.Errors = append(r.Errors, struct {
				Message    string         `json:"message"`
				Path       []any          `json:"path"`
				Extensions map[string]any `json:"extensions"`
			}{Extensions: map[string]any{"code": code}})
		}
		return r
	}
	hub := f.API.App.Live
	require.Eventually(t, func() bool { return hub.Subscribers() == 1 }, lt.Wait, pollInterval)
	for _, ev := range events {
		require.NoError(t, livefeed.Publish(context.Background(), f.API.App.Bus, f.API.App.Config.EventsChannel, ev))
	}
	var got []json.RawMessage
	for {
		var data map[string]json.RawMessage
		conn.NextData(t, &data)
		var head struct{ ID string }
		require.NoError(t, json.Unmarshal(data[root], &head))
		if head.ID >= outbox.PublicID(markerBase) {
			break
		}
		got = append(got, data[root])
	}
	conn.Stop(t, "1")
	require.Eventually(t, func() bool { return hub.Subscribers() == 0 }, lt.Wait, pollInterval)
	body, _ := json.Marshal(map[string]any{root: got})
	return &testenv.Response{Data: body}
}
