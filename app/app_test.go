package app_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/app"
	"github.com/dakkah/cityos/pubsub"
	"github.com/dakkah/cityos/testenv"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// Alone (no REDIS_URL: the in-process Redis, which nobody else can reach), the instance
// keeps in memory what only instances share: its rate limits and its pub/sub.
func TestEmbeddedInstanceSharesNothingThroughRedis(t *testing.T) {
	cfg := testenv.Config()
	cfg.DataDir, cfg.JWTSecret = t.TempDir(), ""
	a, err := app.Open(context.Background(), cfg, quiet, false)
	require.NoError(t, err)
	t.Cleanup(a.Close)

	assert.IsType(t, &pubsub.Local{}, a.Bus)
	assert.False(t, a.RateLimits.Shared())
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	require.NoError(t, a.ListenForChanges(ctx))
	assert.Zero(t, a.Redis.PubSubNumSub(ctx, "cityos:resolution:invalidate").Val()["cityos:resolution:invalidate"],
		"no Redis subscription")
}

// Over a Redis others may share, the instance reconciles its limits and publishes there.
func TestSharedInstanceUsesRedis(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		api := testenv.NewAPI(t, db, testenv.Config())
		assert.IsType(t, &pubsub.Redis{}, api.App.Bus)
		assert.True(t, api.App.RateLimits.Shared())
	})
}
