// Package config reads the service's settings from the environment.
package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is everything the binary is configured with.
type Config struct {
	Port           string   // PORT, default 8080
	DatabaseURL    string   // DATABASE_URL; empty = embedded SQLite under DataDir
	RedisURL       string   // REDIS_URL; empty = in-process Redis
	PlatformDomain string   // CITYOS_PLATFORM_DOMAIN, default localhost
	JWTSecret      string   // CITYOS_JWT_SECRET; required with DATABASE_URL
	Env            string   // CITYOS_ENV: dev (default) or prod
	DataDir        string   // CITYOS_DATA_DIR, default ./data
	CORSOrigins    []string // CITYOS_CORS_ORIGINS, comma-separated; default *
	BodyLimit      int64    // CITYOS_BODY_LIMIT bytes, default 1 MiB
	RateLimit      int      // CITYOS_RATE_LIMIT requests per minute per caller, default 600
	MaxComplexity  int      // CITYOS_MAX_COMPLEXITY, default 20000 (see server/complexity.go)
	MaxDepth       int      // CITYOS_MAX_DEPTH, default 12
	// AuthFailureLimit is how many failed sign-ins (bad token or key, password or refresh
	// token) a client address may have a minute before it is answered RATE_LIMITED
	// (CITYOS_AUTH_FAILURE_LIMIT, default 30).
	AuthFailureLimit int
	// AccountFailureLimit is how many failed sign-ins one account (an e-mail in its
	// realm) may have a minute, from any addresses, before signing into it is answered
	// RATE_LIMITED (CITYOS_ACCOUNT_FAILURE_LIMIT, default 60). Above AuthFailureLimit, so
	// one address is held by its own count first; this one holds guessing spread out.
	AccountFailureLimit int
	TrustProxy          bool // CITYOS_TRUST_PROXY: take the client IP from X-Forwarded-For
	// CatalogCacheTTL is how long a storefront catalog read, and a region or shipping
	// option read for a cart, may be served from memory (CITYOS_CATALOG_CACHE_TTL,
	// default 1s; 0 turns the caches off).
	CatalogCacheTTL time.Duration
	// CatalogCacheMaxAge is how long a storefront catalog answer is kept by an instance
	// that hears its tenant's events, which drop it as soon as anything of the tenant
	// changes (CITYOS_CATALOG_CACHE_MAX_AGE, default 30s; 0 keeps answers for
	// CatalogCacheTTL only). A lost event is covered by this bound.
	CatalogCacheMaxAge time.Duration
	// RequestTimeout is how long after a GraphQL request began its database statements
	// may run; later ones fail (CITYOS_REQUEST_TIMEOUT, default 30s; 0 turns it off).
	RequestTimeout time.Duration
	// RefreshGrace is how long after a refresh token is used a second use of it gets the
	// same successor rather than revoking the family (CITYOS_REFRESH_GRACE, default 10s):
	// two browser tabs refreshing at once stay signed in.
	RefreshGrace time.Duration
	// WebhookAllowHTTPLocalhost lets integration endpoints use http (and https) to
	// localhost, 127.0.0.1 and ::1, for a developer receiving webhooks on their machine
	// (CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST; default true in dev, false in prod). Every
	// other destination must be a public host over https either way.
	WebhookAllowHTTPLocalhost bool

	// EventsChannel is the Redis pub/sub channel that carries events to the API
	// instances' subscriptions (CITYOS_EVENTS_CHANNEL, default cityos:events).
	EventsChannel string
	// MaxSubscriptions is how many subscriptions one WebSocket may hold
	// (CITYOS_WS_MAX_SUBSCRIPTIONS, default 20).
	MaxSubscriptions int
	// WSRecheck is how often a WebSocket's credentials are checked again; a revoked key
	// loses its feed within it (CITYOS_WS_RECHECK, default 30s).
	WSRecheck time.Duration
	// ReconcileInterval is how often the workers reconcile: re-enqueue events Redis lost,
	// repair drift (CITYOS_RECONCILE_INTERVAL, default 5m).
	ReconcileInterval time.Duration
	// Vendor payouts: PayoutInterval is how often they run (CITYOS_PAYOUT_INTERVAL, default
	// 24h), PayoutHold how long a captured sale waits first (CITYOS_PAYOUT_HOLD, default
	// 168h), PayoutProvider how they are paid (CITYOS_PAYOUT_PROVIDER: manual, the default,
	// or stripe: Stripe Connect transfers, which needs STRIPE_SECRET_KEY).
	PayoutInterval time.Duration
	PayoutHold     time.Duration
	PayoutProvider string
	// ApprovalTTL is how long a b2b approval request holds its cart (CITYOS_APPROVAL_TTL).
	ApprovalTTL time.Duration
	// Now is the clock of the time-driven business rules (spending-limit periods, expiry
	// of holds); nil is the system clock. Tests set it to a clock they move.
	Now func() time.Time
	// Tenant billing: BillingGrace is how long a tenant may stay past due before it is
	// suspended (CITYOS_BILLING_GRACE, default 168h), BillingInterval how often the
	// billing run renews periods and suspends lapsed tenants (CITYOS_BILLING_INTERVAL,
	// default 1h), BillingProvider how tenants pay (CITYOS_BILLING_PROVIDER: manual
	// invoices, the default, or stripe: Stripe Billing, which needs STRIPE_SECRET_KEY).
	BillingGrace    time.Duration
	BillingInterval time.Duration
	BillingProvider string

	Notifications   string // CITYOS_NOTIFICATIONS: log (default; emails go to the log) or sendgrid
	SendGridAPIKey  string // SENDGRID_API_KEY; required with sendgrid
	SendGridAPIBase string // SENDGRID_API_BASE, default https://api.sendgrid.com
	MailFrom        string // CITYOS_MAIL_FROM, the sender address; required with sendgrid

	StripeSecretKey     string // STRIPE_SECRET_KEY: enables the Stripe payment provider (then the default)
	StripeAPIBase       string // STRIPE_API_BASE: another Stripe endpoint (stripe-mock)
	StripeWebhookSecret string // STRIPE_WEBHOOK_SECRET: verifies POST /webhooks/stripe

	// Outbound webhooks. WebhookSchedule is the wait before each retry of a failed
	// delivery (CITYOS_WEBHOOK_SCHEDULE, comma-separated durations; default 11 waits
	// doubling from 40s: 12 attempts over about 23 hours); WebhookTimeout bounds one
	// attempt (CITYOS_WEBHOOK_TIMEOUT, default 10s); WebhookDeadStreak dead deliveries in
	// a row disable an endpoint (CITYOS_WEBHOOK_DEAD_STREAK, default 5);
	// WebhookRetention is how long attempts are kept (CITYOS_WEBHOOK_RETENTION, default
	// 720h); WebhookPerEndpoint bounds one process's requests under way to one endpoint
	// (CITYOS_WEBHOOK_PER_ENDPOINT, default 16).
	WebhookSchedule    []time.Duration
	WebhookTimeout     time.Duration
	WebhookDeadStreak  int
	WebhookRetention   time.Duration
	WebhookPerEndpoint int

	Operations // domain checks and the queue (operations.go)
}

// Embedded reports whether the database is the embedded SQLite file.
func (c Config) Embedded() bool { return c.DatabaseURL == "" }

// Dev reports development mode (GraphiQL and introspection on).
func (c Config) Dev() bool { return c.Env != "prod" }

// SQLitePath is the embedded database file.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "cityos.db") }

// FromEnv reads the configuration.
func FromEnv() (Config, error) {
	c := Config{
		Port:           env("PORT", "8080"),
		DatabaseURL:    os.Getenv("DATABASE_URL"),
		RedisURL:       os.Getenv("REDIS_URL"),
		PlatformDomain: strings.ToLower(env("CITYOS_PLATFORM_DOMAIN", "localhost")),
		JWTSecret:      os.Getenv("CITYOS_JWT_SECRET"),
		Env:            env("CITYOS_ENV", "dev"),
		DataDir:        env("CITYOS_DATA_DIR", "data"),
		TrustProxy:     os.Getenv("CITYOS_TRUST_PROXY") == "true",

		Notifications:   env("CITYOS_NOTIFICATIONS", "log"),
		SendGridAPIKey:  os.Getenv("SENDGRID_API_KEY"),
		SendGridAPIBase: strings.TrimRight(env("SENDGRID_API_BASE", "https://api.sendgrid.com"), "/"),
		MailFrom:        os.Getenv("CITYOS_MAIL_FROM"),

		StripeSecretKey:     os.Getenv("STRIPE_SECRET_KEY"),
		StripeAPIBase:       os.Getenv("STRIPE_API_BASE"),
		StripeWebhookSecret: os.Getenv("STRIPE_WEBHOOK_SECRET"),

		EventsChannel: env("CITYOS_EVENTS_CHANNEL", "cityos:events"),
	}
	for _, o := range strings.Split(env("CITYOS_CORS_ORIGINS", "*"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	var err error
	for _, n := range []struct {
		name string
		dst  *int
		def  int
	}{{"CITYOS_RATE_LIMIT", &c.RateLimit, 600}, {"CITYOS_MAX_COMPLEXITY", &c.MaxComplexity, 20000}, {"CITYOS_MAX_DEPTH", &c.MaxDepth, 12},
		{"CITYOS_AUTH_FAILURE_LIMIT", &c.AuthFailureLimit, 30}, {"CITYOS_ACCOUNT_FAILURE_LIMIT", &c.AccountFailureLimit, 60},
		{"CITYOS_WS_MAX_SUBSCRIPTIONS", &c.MaxSubscriptions, 20}} {
		if *n.dst, err = intEnv(n.name, n.def); err != nil {
			return c, err
		}
	}
	for _, d := range []struct {
		dst     *time.Duration
		name    string
		def     time.Duration
		example string
	}{
		{&c.CatalogCacheTTL, "CITYOS_CATALOG_CACHE_TTL", time.Second, "1s"},
		{&c.CatalogCacheMaxAge, "CITYOS_CATALOG_CACHE_MAX_AGE", 30 * time.Second, "30s"},
		{&c.RequestTimeout, "CITYOS_REQUEST_TIMEOUT", 30 * time.Second, "30s"},
	} {
		if *d.dst, err = durationEnv(d.name, d.def, d.example); err != nil {
			return c, err
		}
	}
	c.RefreshGrace = 10 * time.Second
	if v := os.Getenv("CITYOS_REFRESH_GRACE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return c, fmt.Errorf("CITYOS_REFRESH_GRACE must be a positive duration such as 10s, not %q", v)
		}
		c.RefreshGrace = d
	}
	c.WebhookAllowHTTPLocalhost = c.Env == "dev"
	if v := os.Getenv("CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return c, fmt.Errorf("CITYOS_WEBHOOK_ALLOW_HTTP_LOCALHOST must be true or false, not %q", v)
		}
		c.WebhookAllowHTTPLocalhost = b
	}
	if err := c.readWebhooks(); err != nil {
		return c, err
	}
	if err := readOperations(&c.Operations); err != nil {
		return c, err
	}
	c.WSRecheck = 30 * time.Second
	if v := os.Getenv("CITYOS_WS_RECHECK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return c, fmt.Errorf("CITYOS_WS_RECHECK must be a positive duration such as 30s, not %q", v)
		}
		c.WSRecheck = d
	}
	c.ReconcileInterval = 5 * time.Minute
	if v := os.Getenv("CITYOS_RECONCILE_INTERVAL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second {
			return c, fmt.Errorf("CITYOS_RECONCILE_INTERVAL must be a duration of at least 1s such as 5m, not %q", v)
		}
		c.ReconcileInterval = d
	}
	if err := c.readB2B(); err != nil {
		return c, err
	}
	if err := c.readPayouts(); err != nil {
		return c, err
	}
	if err := c.readBilling(); err != nil {
		return c, err
	}
	limit, err := intEnv("CITYOS_BODY_LIMIT", 1<<20)
	if err != nil {
		return c, err
	}
	c.BodyLimit = int64(limit)
	if c.Env != "dev" && c.Env != "prod" {
		return c, fmt.Errorf("CITYOS_ENV must be dev or prod, not %q", c.Env)
	}
	switch c.Notifications {
	case "log":
	case "sendgrid":
		if c.SendGridAPIKey == "" || c.MailFrom == "" {
			return c, errors.New("CITYOS_NOTIFICATIONS=sendgrid needs SENDGRID_API_KEY and CITYOS_MAIL_FROM")
		}
	default:
		return c, fmt.Errorf("CITYOS_NOTIFICATIONS must be log or sendgrid, not %q", c.Notifications)
	}
	if c.JWTSecret == "" && !c.Embedded() {
		return c, errors.New("CITYOS_JWT_SECRET is required when DATABASE_URL is set (at least 32 characters)")
	}
	return c, nil
}

// EnsureJWTSecret creates, on first start in embedded mode, a secret kept under the data
// directory, so tokens survive restarts without any setup.
func (c *Config) EnsureJWTSecret() error {
	if c.JWTSecret != "" {
		return nil
	}
	path := filepath.Join(c.DataDir, "jwt-secret")
	if b, err := os.ReadFile(path); err == nil {
		c.JWTSecret = strings.TrimSpace(string(b))
		return nil
	}
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return err
	}
	c.JWTSecret = hex.EncodeToString(buf)
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(c.JWTSecret+"\n"), 0o600)
}

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func intEnv(name string, def int) (int, error) {
	v := os.Getenv(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%s must be a positive whole number, not %q", name, v)
	}
	return n, nil
}

// durationEnv is the duration in the environment variable name (0 included, which turns
// its feature off), def when it is unset.
func durationEnv(name string, def time.Duration, example string) (time.Duration, error) {
	v := os.Getenv(name)
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%s must be a duration such as %s or 0, not %q", name, example, v)
	}
	return d, nil
}
