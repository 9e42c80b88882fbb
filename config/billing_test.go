package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestBillingSettings(t *testing.T) {
	for _, k := range []string{"DATABASE_URL", "CITYOS_ENV", "STRIPE_SECRET_KEY", "CITYOS_BILLING_GRACE", "CITYOS_BILLING_INTERVAL", "CITYOS_BILLING_PROVIDER"} {
		t.Setenv(k, "")
	}
	c, err := FromEnv()
	require.NoError(t, err)
	require.Equal(t, 7*24*time.Hour, c.BillingGrace)
	require.Equal(t, time.Hour, c.BillingInterval)
	require.Equal(t, "manual", c.BillingProvider)

	t.Setenv("CITYOS_BILLING_GRACE", "72h")
	t.Setenv("CITYOS_BILLING_INTERVAL", "5m")
	t.Setenv("CITYOS_BILLING_PROVIDER", "stripe")
	t.Setenv("STRIPE_SECRET_KEY", "sk_test_x")
	c, err = FromEnv()
	require.NoError(t, err)
	require.Equal(t, 72*time.Hour, c.BillingGrace)
	require.Equal(t, 5*time.Minute, c.BillingInterval)
	require.Equal(t, "stripe", c.BillingProvider)

	t.Setenv("STRIPE_SECRET_KEY", "")
	_, err = FromEnv()
	require.ErrorContains(t, err, "CITYOS_BILLING_PROVIDER=stripe needs STRIPE_SECRET_KEY")
	for name, bad := range map[string]string{"CITYOS_BILLING_GRACE": "a week", "CITYOS_BILLING_INTERVAL": "10s", "CITYOS_BILLING_PROVIDER": "paypal"} {
		t.Run(name, func(t *testing.T) {
			t.Setenv(name, bad)
			_, err := FromEnv()
			require.ErrorContains(t, err, name)
		})
	}
}
