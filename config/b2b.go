package config

import (
	"fmt"
	"os"
	"time"
)

// readB2B reads how long a b2b hold lasts: an approval request keeps its cart's prices
// and stock for ApprovalTTL (CITYOS_APPROVAL_TTL, default 72h).
func (c *Config) readB2B() error {
	c.ApprovalTTL = 72 * time.Hour
	if v := os.Getenv("CITYOS_APPROVAL_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Minute {
			return fmt.Errorf("CITYOS_APPROVAL_TTL must be a duration of at least 1m such as 72h, not %q", v)
		}
		c.ApprovalTTL = d
	}
	return nil
}
