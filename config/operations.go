package config

import (
	"fmt"
	"net"
	"os"
	"time"
)

// Operations are the settings of the background machinery: domain checks and the queue.
type Operations struct {
	// DNSResolver is the DNS server ("host:port") custom domains are verified against
	// (CITYOS_DNS_RESOLVER; empty = the system's resolver).
	DNSResolver string
	// DomainVerificationWindow is how long a custom domain may stay pending before a
	// failed check marks it failed (CITYOS_DOMAIN_VERIFICATION_WINDOW, default 24h).
	DomainVerificationWindow time.Duration
	// QueueRetention is how long asynq keeps a completed task, and so its task id, which
	// is what stops the outbox relay from queueing an event twice
	// (CITYOS_QUEUE_RETENTION, default 1h).
	QueueRetention time.Duration
	// WorkerConcurrency is how many tasks a worker process runs at once
	// (CITYOS_WORKER_CONCURRENCY, default 64: deliveries mostly wait on receivers).
	WorkerConcurrency int
}

func readOperations(c *Operations) error {
	c.DNSResolver = os.Getenv("CITYOS_DNS_RESOLVER")
	if c.DNSResolver != "" {
		if _, _, err := net.SplitHostPort(c.DNSResolver); err != nil {
			return fmt.Errorf("CITYOS_DNS_RESOLVER must be host:port such as 1.1.1.1:53, not %q", c.DNSResolver)
		}
	}
	var err error
	if c.DomainVerificationWindow, err = positiveDuration("CITYOS_DOMAIN_VERIFICATION_WINDOW", 24*time.Hour); err != nil {
		return err
	}
	if c.QueueRetention, err = positiveDuration("CITYOS_QUEUE_RETENTION", time.Hour); err != nil {
		return err
	}
	if c.WorkerConcurrency, err = intEnv("CITYOS_WORKER_CONCURRENCY", 64); err != nil {
		return err
	}
	if c.WorkerConcurrency < 1 || c.WorkerConcurrency > 1000 {
		return fmt.Errorf("CITYOS_WORKER_CONCURRENCY must be between 1 and 1000, not %d", c.WorkerConcurrency)
	}
	return nil
}

func positiveDuration(name string, def time.Duration) (time.Duration, error) {
	v := os.Getenv(name)
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%s must be a positive duration such as %s, not %q", name, def, v)
	}
	return d, nil
}
