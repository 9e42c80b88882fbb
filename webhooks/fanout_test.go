package webhooks_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/stdwebhook"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/webhooks"
)

// Tenant B's endpoint never receives tenant A's events (nor A's B's); an endpoint limited
// to a store hears that store's events only.
func TestTenantsNeverHearEachOther(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recvA, recvA1, recvB := newReceiver(t), newReceiver(t), newReceiver(t)
		epA := r.endpoint(t, r.TenantA.ID, nil, recvA.URL, "*")
		r.endpoint(t, r.TenantA.ID, &r.StoreA1.ID, recvA1.URL, "*")
		epB := r.endpoint(t, r.TenantB.ID, nil, recvB.URL, "*")

		evA1 := r.raise(t, r.TenantA.ID, &r.StoreA1.ID, "order.placed", map[string]any{"id": 1})
		evA2 := r.raise(t, r.TenantA.ID, &r.StoreA2.ID, "order.placed", map[string]any{"id": 2})
		evA := r.raise(t, r.TenantA.ID, nil, "tenant.updated", map[string]any{"id": r.TenantA.ID})
		evB := r.raise(t, r.TenantB.ID, &r.StoreB1.ID, "order.placed", map[string]any{"id": 3})
		for _, ev := range []outbox.Event{evA1, evA2, evA, evB} {
			require.NoError(t, r.svc.FanOut(context.Background(), ev))
		}
		r.drain(t)
		require.Equal(t, map[string]bool{outbox.PublicID(evA1.ID): true, outbox.PublicID(evA2.ID): true, outbox.PublicID(evA.ID): true}, recvA.ids())
		require.Equal(t, map[string]bool{outbox.PublicID(evA1.ID): true}, recvA1.ids())
		require.Equal(t, map[string]bool{outbox.PublicID(evB.ID): true}, recvB.ids())
		for _, c := range recvB.requests() {
			_, err := stdwebhook.Verify(c.Header, c.Body, r.now, epA.Secret)
			require.ErrorIs(t, err, stdwebhook.ErrSignature, "B's messages are not signed with A's secret")
		}

		// Even a task naming A's event and B's endpoint delivers nothing.
		_, err := r.svc.Deliver(context.Background(), webhooks.Attempt{EventID: evA1.ID, EndpointID: epB.ID, Number: 1})
		require.ErrorIs(t, err, webhooks.ErrWrongTenant)
		require.Len(t, recvB.requests(), 1)
		require.Empty(t, r.attempts(t, epB.ID)[1:])
	})
}

// An inbound change's events are never echoed to the endpoint they came from; an event
// addressed to one endpoint reaches it alone.
func TestOriginIsSkippedAndTargetIsAlone(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv1, recv2 := newReceiver(t), newReceiver(t)
		ep1 := r.endpoint(t, r.TenantA.ID, nil, recv1.URL, "product.*")
		ep2 := r.endpoint(t, r.TenantA.ID, nil, recv2.URL, "product.*")

		fromOne := r.raise(t, r.TenantA.ID, nil, "product.updated", map[string]any{"id": 1})
		fromOne.OriginEndpointID = &ep1.ID
		snapshot := r.raise(t, r.TenantA.ID, nil, "product.snapshot", map[string]any{"id": 1})
		snapshot.TargetEndpointID = &ep2.ID // addressed to ep2: ep1 hears product.* but not this
		for _, ev := range []outbox.Event{fromOne, snapshot} {
			require.NoError(t, r.svc.FanOut(context.Background(), ev))
		}
		r.drain(t)
		require.Empty(t, recv1.requests())
		require.Equal(t, map[string]bool{outbox.PublicID(fromOne.ID): true, outbox.PublicID(snapshot.ID): true}, recv2.ids(),
			"ep2 hears ep1's change, and the snapshot made for it")
	})
}

// An event fanned out twice (its task retried for another consumer), or an attempt run
// again after it finished, sends nothing more.
func TestFanOutIsIdempotentByEvent(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		recv := newReceiver(t)
		ep := r.endpoint(t, r.TenantA.ID, nil, recv.URL, "*")
		ev := r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})
		require.NoError(t, r.svc.FanOut(context.Background(), ev))
		require.NoError(t, r.svc.FanOut(context.Background(), ev))
		require.Zero(t, r.drain(t), "the attempt was made, not queued")
		row, err := r.svc.Deliver(context.Background(), webhooks.Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 1})
		require.NoError(t, err)
		require.Equal(t, "succeeded", row.Status.String())
		require.Len(t, recv.requests(), 1)
		require.Len(t, r.attempts(t, ep.ID), 1)
	})
}

// Without an HTTP client nothing is attempted: the platform's fault is no receiver's
// failure, so no attempt is recorded and no endpoint is disabled for it.
func TestNoClientRecordsNothing(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		ep := r.endpoint(t, r.TenantA.ID, nil, "https://hooks.example.com/x", "*")
		ev := r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})
		r.svc.HTTP = nil
		_, err := r.svc.Deliver(context.Background(), webhooks.Attempt{EventID: ev.ID, EndpointID: ep.ID, Number: 1})
		require.ErrorIs(t, err, webhooks.ErrNoClient)
		require.Empty(t, r.attempts(t, ep.ID))
	})
}
