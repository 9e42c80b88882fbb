package config

import (
	"fmt"
	"os"
	"time"
)

// readBilling reads the tenant billing settings (see Config.BillingGrace).
func (c *Config) readBilling() error {
	c.BillingGrace, c.BillingInterval = 7*24*time.Hour, time.Hour
	for _, d := range []struct {
		name    string
		dst     *time.Duration
		min     time.Duration
		example string
	}{{"CITYOS_BILLING_GRACE", &c.BillingGrace, 0, "168h"}, {"CITYOS_BILLING_INTERVAL", &c.BillingInterval, time.Minute, "1h"}} {
		v := os.Getenv(d.name)
		if v == "" {
			continue
		}
		x, err := time.ParseDuration(v)
		if err != nil || x < d.min {
			return fmt.Errorf("%s must be a duration of at least %s such as %s, not %q", d.name, d.min, d.example, v)
		}
		*d.dst = x
	}
	c.BillingProvider = env("CITYOS_BILLING_PROVIDER", "manual")
	switch {
	case c.BillingProvider != "manual" && c.BillingProvider != "stripe":
		return fmt.Errorf("CITYOS_BILLING_PROVIDER must be manual or stripe, not %q", c.BillingProvider)
	case c.BillingProvider == "stripe" && c.StripeSecretKey == "":
		return fmt.Errorf("CITYOS_BILLING_PROVIDER=stripe needs STRIPE_SECRET_KEY")
	}
	return nil
}
