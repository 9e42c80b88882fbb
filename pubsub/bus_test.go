package pubsub_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/pubsub"
	"github.com/dakkah/cityos/testenv"
)

// Both buses keep one contract.
func TestBuses(t *testing.T) {
	t.Run("local", func(t *testing.T) { contract(t, pubsub.NewLocal()) })
	t.Run("redis", func(t *testing.T) {
		rdb, _ := testenv.Redis(t) // CITYOS_TEST_REDIS_URL's, else an in-process one
		contract(t, pubsub.NewRedis(rdb))
	})
}

const wait = 5 * time.Second

func contract(t *testing.T, bus pubsub.Bus) {
	ctx := context.Background()
	ch, other := channel(), channel()

	require.NoError(t, bus.Publish(ctx, ch, []byte("nobody listens")), "publishing to no one is no error")
	one, err := bus.Subscribe(ctx, ch)
	require.NoError(t, err)
	two, err := bus.Subscribe(ctx, ch)
	require.NoError(t, err)
	elsewhere, err := bus.Subscribe(ctx, other)
	require.NoError(t, err)

	for _, m := range []string{"a", "b", "c"} {
		require.NoError(t, bus.Publish(ctx, ch, []byte(m)))
	}
	require.NoError(t, bus.Publish(ctx, other, []byte("x")))
	for _, s := range []pubsub.Subscription{one, two} {
		for _, m := range []string{"a", "b", "c"} {
			assert.Equal(t, m, string(next(t, s).Payload), "every subscriber, in order")
		}
	}
	assert.Equal(t, "x", string(next(t, elsewhere).Payload), "only its channel's messages")

	require.NoError(t, one.Close())
	_ = one.Close() // twice is harmless
	requireClosed(t, one)
	require.NoError(t, bus.Publish(ctx, ch, []byte("d")))
	assert.Equal(t, "d", string(next(t, two).Payload), "the others go on")
	require.NoError(t, two.Close())
	require.NoError(t, elsewhere.Close())

	done, cancel := context.WithCancel(ctx)
	cancel()
	_, err = bus.Subscribe(done, ch)
	assert.Error(t, err, "a subscription that cannot be confirmed fails")
}

// A subscriber that does not read loses messages, never blocks the publisher, and is
// told of the gap.
func TestLocalSlowSubscriber(t *testing.T) {
	ctx := context.Background()
	bus := pubsub.NewLocal()
	s, err := bus.Subscribe(ctx, "c")
	require.NoError(t, err)
	for range 1000 {
		require.NoError(t, bus.Publish(ctx, "c", []byte("m")))
	}
	n := 0
	for len(s.Messages()) > 0 {
		require.False(t, next(t, s).Gap)
		n++
	}
	assert.Less(t, n, 1000)
	require.NoError(t, bus.Publish(ctx, "c", []byte("later")))
	assert.True(t, next(t, s).Gap, "the gap is announced first")
	assert.Equal(t, "later", string(next(t, s).Payload))
}

func next(t *testing.T, s pubsub.Subscription) pubsub.Message {
	t.Helper()
	select {
	case m, ok := <-s.Messages():
		require.True(t, ok, "the subscription ended")
		return m
	case <-time.After(wait):
		t.Fatal("no message")
	}
	return pubsub.Message{}
}

func requireClosed(t *testing.T, s pubsub.Subscription) {
	t.Helper()
	deadline := time.After(wait)
	for {
		select {
		case _, ok := <-s.Messages():
			if !ok {
				return
			}
		case <-deadline:
			t.Fatal("the subscription did not end")
		}
	}
}

func channel() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "test:" + hex.EncodeToString(b)
}
