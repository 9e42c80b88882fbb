package webhooks_test

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/webhooks"
)

// A receiver that hangs holds its endpoint's requests, not the workers: beyond
// Config.PerEndpoint requests under way, the fan-out queues the attempt, and a queued
// attempt that finds the endpoint still busy attempts nothing (its task waits). Other
// endpoints are delivered to meanwhile.
func TestBusyEndpointWaitsInTheQueue(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		r := newRig(t, db)
		r.svc.Config.PerEndpoint = 1
		slow, other := newReceiver(t), newReceiver(t)
		arrived, release := make(chan struct{}), make(chan struct{})
		var once sync.Once
		letGo := func() { once.Do(func() { close(release) }) }
		t.Cleanup(letGo) // before the receivers close, even when an assertion fails
		slow.setAnswer(func(n int, _ captured) int {
			if n == 1 {
				close(arrived)
				<-release
			}
			return http.StatusOK
		})
		slowEP := r.endpoint(t, r.TenantA.ID, nil, slow.URL, "*")
		r.endpoint(t, r.TenantA.ID, nil, other.URL, "order.shipped")

		first := r.raise(t, r.TenantA.ID, nil, "order.placed", map[string]any{"id": 1})
		done := make(chan error, 1)
		go func() { done <- r.svc.FanOut(context.Background(), first) }()
		<-arrived // the slow endpoint's one request is under way

		second := r.raise(t, r.TenantA.ID, nil, "order.shipped", map[string]any{"id": 1})
		require.NoError(t, r.svc.FanOut(context.Background(), second))
		require.Equal(t, map[string]bool{outbox.PublicID(second.ID): true}, other.ids(),
			"the other endpoint got the second event while the slow one hangs")
		queued := r.pending(t)
		require.Equal(t, []webhooks.Attempt{{EventID: second.ID, EndpointID: slowEP.ID, Number: 1}}, queued)

		row, err := r.svc.Deliver(context.Background(), queued[0])
		require.ErrorIs(t, err, webhooks.ErrEndpointBusy)
		require.Nil(t, row)
		require.Len(t, slow.requests(), 1, "nothing attempted while busy")

		letGo()
		require.NoError(t, <-done)
		row, err = r.svc.Deliver(context.Background(), queued[0])
		require.NoError(t, err)
		require.Equal(t, "succeeded", row.Status.String())
		require.Equal(t, map[string]bool{outbox.PublicID(first.ID): true, outbox.PublicID(second.ID): true}, slow.ids())
		require.Len(t, r.attempts(t, slowEP.ID), 2)
	})
}
