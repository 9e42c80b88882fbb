package config

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// readWebhooks reads the outbound webhook settings (see Config); unset ones keep the
// defaults of package webhooks, which the zero values stand for.
func (c *Config) readWebhooks() error {
	if v := os.Getenv("CITYOS_WEBHOOK_SCHEDULE"); v != "" {
		for _, part := range strings.Split(v, ",") {
			d, err := time.ParseDuration(strings.TrimSpace(part))
			if err != nil || d <= 0 {
				return fmt.Errorf("CITYOS_WEBHOOK_SCHEDULE must be positive durations separated by commas, such as 1m,5m,30m, not %q", v)
			}
			c.WebhookSchedule = append(c.WebhookSchedule, d)
		}
	}
	for _, d := range []struct {
		name string
		dst  *time.Duration
	}{{"CITYOS_WEBHOOK_TIMEOUT", &c.WebhookTimeout}, {"CITYOS_WEBHOOK_RETENTION", &c.WebhookRetention}} {
		if v := os.Getenv(d.name); v != "" {
			p, err := time.ParseDuration(v)
			if err != nil || p <= 0 {
				return fmt.Errorf("%s must be a positive duration, not %q", d.name, v)
			}
			*d.dst = p
		}
	}
	var err error
	if c.WebhookDeadStreak, err = intEnv("CITYOS_WEBHOOK_DEAD_STREAK", 0); err != nil {
		return err
	}
	c.WebhookPerEndpoint, err = intEnv("CITYOS_WEBHOOK_PER_ENDPOINT", 0)
	return err
}
