package config

import (
	"fmt"
	"os"
	"time"
)

// readPayouts reads the payout settings (see Config.PayoutInterval).
func (c *Config) readPayouts() error {
	// A week's hold: long enough for most refunds to come before the money goes.
	c.PayoutInterval, c.PayoutHold = 24*time.Hour, 7*24*time.Hour
	for _, d := range []struct {
		name string
		dst  *time.Duration
		min  time.Duration
	}{{"CITYOS_PAYOUT_INTERVAL", &c.PayoutInterval, time.Minute}, {"CITYOS_PAYOUT_HOLD", &c.PayoutHold, 0}} {
		v := os.Getenv(d.name)
		if v == "" {
			continue
		}
		x, err := time.ParseDuration(v)
		if err != nil || x < d.min {
			return fmt.Errorf("%s must be a duration of at least %s such as 24h, not %q", d.name, d.min, v)
		}
		*d.dst = x
	}
	c.PayoutProvider = env("CITYOS_PAYOUT_PROVIDER", "manual")
	switch {
	case c.PayoutProvider != "manual" && c.PayoutProvider != "stripe":
		return fmt.Errorf("CITYOS_PAYOUT_PROVIDER must be manual or stripe, not %q", c.PayoutProvider)
	case c.PayoutProvider == "stripe" && c.StripeSecretKey == "":
		return fmt.Errorf("CITYOS_PAYOUT_PROVIDER=stripe needs STRIPE_SECRET_KEY")
	}
	return nil
}
