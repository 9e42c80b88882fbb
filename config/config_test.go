package config

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestFromEnvDefaults(t *testing.T) {
	for _, k := range []string{"PORT", "DATABASE_URL", "REDIS_URL", "CITYOS_PLATFORM_DOMAIN", "CITYOS_JWT_SECRET", "CITYOS_ENV", "CITYOS_CATALOG_CACHE_TTL",
		"CITYOS_REQUEST_TIMEOUT", "CITYOS_AUTH_FAILURE_LIMIT", "CITYOS_ACCOUNT_FAILURE_LIMIT", "CITYOS_MAX_COMPLEXITY",
		"CITYOS_EVENTS_CHANNEL", "CITYOS_WS_MAX_SUBSCRIPTIONS", "CITYOS_WS_RECHECK"} {
		t.Setenv(k, "")
	}
	c, err := FromEnv()
	require.NoError(t, err)
	require.Equal(t, "8080", c.Port)
	require.True(t, c.Embedded())
	require.True(t, c.Dev())
	require.Equal(t, "localhost", c.PlatformDomain)
	require.Equal(t, time.Second, c.CatalogCacheTTL)
	require.Equal(t, 30*time.Second, c.RequestTimeout)
	require.Equal(t, 30, c.AuthFailureLimit)
	require.Equal(t, 60, c.AccountFailureLimit)
	require.Equal(t, 20000, c.MaxComplexity)
	require.Equal(t, "cityos:events", c.EventsChannel)
	require.Equal(t, 20, c.MaxSubscriptions)
	require.Equal(t, 30*time.Second, c.WSRecheck)
}

func TestFromEnvRefusesBadSettings(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://x")
	t.Setenv("CITYOS_JWT_SECRET", "")
	_, err := FromEnv()
	require.ErrorContains(t, err, "CITYOS_JWT_SECRET is required")

	t.Setenv("DATABASE_URL", "")
	t.Setenv("CITYOS_ENV", "staging")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_ENV")

	t.Setenv("CITYOS_ENV", "prod")
	t.Setenv("CITYOS_RATE_LIMIT", "-3")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_RATE_LIMIT")

	t.Setenv("CITYOS_RATE_LIMIT", "")
	t.Setenv("CITYOS_CATALOG_CACHE_TTL", "soon")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_CATALOG_CACHE_TTL")

	t.Setenv("CITYOS_CATALOG_CACHE_TTL", "")
	t.Setenv("CITYOS_REQUEST_TIMEOUT", "-1s")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_REQUEST_TIMEOUT")

	t.Setenv("CITYOS_REQUEST_TIMEOUT", "")
	t.Setenv("CITYOS_AUTH_FAILURE_LIMIT", "many")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_AUTH_FAILURE_LIMIT")

	t.Setenv("CITYOS_AUTH_FAILURE_LIMIT", "")
	t.Setenv("CITYOS_WS_MAX_SUBSCRIPTIONS", "0")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_WS_MAX_SUBSCRIPTIONS")

	t.Setenv("CITYOS_WS_MAX_SUBSCRIPTIONS", "")
	t.Setenv("CITYOS_WS_RECHECK", "0s")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_WS_RECHECK")
}

func TestEmbeddedSecretIsKept(t *testing.T) {
	c := Config{DataDir: t.TempDir()}
	require.NoError(t, c.EnsureJWTSecret())
	require.Len(t, c.JWTSecret, 64)
	info, err := os.Stat(filepath.Join(c.DataDir, "jwt-secret"))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "the secret file is private")

	again := Config{DataDir: c.DataDir}
	require.NoError(t, again.EnsureJWTSecret())
	require.Equal(t, c.JWTSecret, again.JWTSecret, "a restart keeps the same secret, so tokens survive")
}

// TestWebhookLocalhostFollowsEnv: dev may send webhooks to this machine over http,
// prod may not unless told so.
func TestWebhookLocalhostFollowsEnv(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	t.Setenv("CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST", "")
	t.Setenv("CITYOS_ENV", "dev")
	c, err := FromEnv()
	require.NoError(t, err)
	require.True(t, c.WebhookAllowHTTPLocalhost)

	t.Setenv("CITYOS_ENV", "prod")
	c, err = FromEnv()
	require.NoError(t, err)
	require.False(t, c.WebhookAllowHTTPLocalhost)

	t.Setenv("CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST", "true")
	c, err = FromEnv()
	require.NoError(t, err)
	require.True(t, c.WebhookAllowHTTPLocalhost)

	t.Setenv("CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST", "sometimes")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST")
}
