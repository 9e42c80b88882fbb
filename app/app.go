// Package app assembles one running instance of the platform: it opens the database and
// Redis through package platform, builds the capability services over them, and hands the
// HTTP server and the workers what each needs.
package app

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/companies"
	"log/slog"
	"net/http"

	"entgo.io/ent/dialect"

	"github.com/dakkah/cityos/cart"
	"github.com/dakkah/cityos/catalog"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/customer"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/livefeed"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/payment"
	"github.com/dakkah/cityos/payouts"
	"github.com/dakkah/cityos/platform"
	"github.com/dakkah/cityos/pricing"
	"github.com/dakkah/cityos/pubsub"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/recurring"
	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/redis/go-redis/v9"

	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/commissions"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/egress"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/eventmetrics"
	"github.com/dakkah/cityos/graph"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/integration"
	"github.com/dakkah/cityos/notification"
	"github.com/dakkah/cityos/resolution"
	"github.com/dakkah/cityos/server"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/syncs"
	"github.com/dakkah/cityos/taxonomy"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/vendors"
	"github.com/dakkah/cityos/webhooks"
	"github.com/dakkah/cityos/workers"
)

// Instance is one running instance: its connections and services.
type Instance struct {
	Config    config.Config
	Logger    *slog.Logger
	Client    *ent.Client
	DB        *sql.DB
	Redis     *redis.Client
	RedisAddr string
	// RateLimits and AuthFailures are the HTTP API's limits (see package ratelimit): in
	// memory, reconciled through Redis unless the instance is alone. AccountFailures
	// counts failed sign-ins per account, whatever the address (see graph's guardSignIn).
	RateLimits      *ratelimit.Limiter
	AuthFailures    *ratelimit.Failures
	AccountFailures *ratelimit.Failures
	KnownSignIns    *ratelimit.Known
	// Bus carries the live feed's events and the cache invalidations between instances
	// (Redis pub/sub), or within the instance when it is alone.
	Bus      pubsub.Bus
	Identity *identity.Service
	Tenancy  *tenancy.Service
	Taxonomy *taxonomy.Service
	Rules    *resolution.Resolver
	// CatalogChanges keeps the catalog caches of the API instances in step.
	CatalogChanges *server.CatalogChanges
	Stores         *storefront.Resolver
	Catalog        *catalog.Service
	Pricing        *pricing.Service
	Inventory      *inventory.Service
	Customers      *customer.Service
	Carts          *cart.Service
	Payments       *payment.Registry
	Checkout       *checkout.Service
	Orders         *orders.Service
	// Integrations manages integration endpoints; its Egress policy is the one every
	// outbound webhook obeys (tests set its Resolver).
	Integrations *integration.Service
	Webhooks     *webhooks.Service
	// Live feeds this instance's GraphQL subscriptions from the Bus.
	Live    *livefeed.Hub
	Inbound *inbound.Service
	Syncs   *syncs.Service
	Vendors *vendors.Service
	// Companies keeps B2B companies and their employees.
	Companies *companies.Service
	// Billing keeps plans and tenants' subscriptions to them.
	Billing *billing.Service
	// Recurring keeps customers' subscriptions and places their renewals.
	Recurring *recurring.Service
	// Commissions keeps the marketplace ledger; Payouts pays vendors.
	Commissions *commissions.Service
	Payouts     *payouts.Service
	// LookupTXT checks domain ownership for the API and the workers, through
	// CITYOS_DNS_RESOLVER when set; tests swap in a fake.
	LookupTXT tenancy.TXTLookup
	// Metrics is the instance's registry beyond HTTP and GraphQL, served on /metrics by
	// the API or, for a worker alone, by server.OpsOnly; Events are its pipeline counters.
	Metrics *prometheus.Registry
	Events  *eventmetrics.Metrics

	// alone says that no other instance shares the instance's Redis (no REDIS_URL: it is
	// the in-process one), so what only instances share stays in memory.
	alone   bool
	closers []func()
}

// Open connects to the database and Redis (embedded ones when none is configured) and
// builds the services. The embedded database is migrated on open; PostgreSQL is migrated
// by `cityos migrate` (or when migrate is true).
func Open(ctx context.Context, cfg config.Config, log *slog.Logger, migrate bool) (*Instance, error) {
	a := &Instance{Config: cfg, Logger: log, alone: cfg.RedisURL == ""}
	var err error
	dialect := "postgres"
	if cfg.Embedded() {
		dialect = "sqlite"
		if err := cfg.EnsureJWTSecret(); err != nil {
			return nil, fmt.Errorf("jwt secret: %w", err)
		}
		a.Config = cfg
		a.Client, a.DB, err = platform.OpenSQLite(cfg.SQLitePath())
		migrate = true
	} else {
		a.Client, a.DB, err = platform.OpenPostgres(cfg.DatabaseURL)
	}
	if err != nil {
		return nil, err
	}
	a.closers = append(a.closers, func() { _ = a.Client.Close() })
	if migrate {
		if err := platform.Migrate(ctx, dialect, a.DB); err != nil {
			a.Close()
			return nil, err
		}
	}
	rdb, addr, stop, err := platform.OpenRedis(cfg.RedisURL)
	if err != nil {
		a.Close()
		return nil, err
	}
	a.Redis, a.RedisAddr = rdb, addr
	a.closers = append(a.closers, stop)

	if err := a.assemble(); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// Assemble builds an Instance over connections the caller owns (tests, tools), as one of
// several instances sharing rdb. Close on it closes only what it started itself.
func Assemble(cfg config.Config, log *slog.Logger, client *ent.Client, db *sql.DB, rdb *redis.Client, redisAddr string) (*Instance, error) {
	a := &Instance{Config: cfg, Logger: log, Client: client, DB: db, Redis: rdb, RedisAddr: redisAddr}
	return a, a.assemble()
}

func (a *Instance) assemble() error {
	issuer, err := auth.NewIssuer([]byte(a.Config.JWTSecret), auth.DefaultAccessTTL)
	if err != nil {
		return fmt.Errorf("CITYOS_JWT_SECRET: %w", err)
	}
	a.LookupTXT = tenancy.DNSLookup(a.Config.DNSResolver)
	a.Metrics = prometheus.NewRegistry()
	a.Events = eventmetrics.New(a.Metrics)
	a.Metrics.MustRegister(eventmetrics.OutboxLag(a.Client), eventmetrics.QueueDepth(asynq.NewInspectorFromRedisClient(a.Redis), workers.Queue))
	a.Identity = identity.New(a.Client, issuer)
	limits := ratelimit.Config{Logger: a.Logger}
	a.Bus = pubsub.NewLocal()
	if !a.alone {
		limits.Redis = a.Redis
		a.Bus = pubsub.NewRedis(a.Redis)
	}
	a.RateLimits = ratelimit.New(withPrefix(limits, "ratelimit:"))
	a.AuthFailures = ratelimit.NewFailures(withPrefix(limits, "authfail:ip:"), a.Config.AuthFailureLimit)
	a.AccountFailures = ratelimit.NewFailures(withPrefix(limits, "authfail:account:"), a.Config.AccountFailureLimit)
	a.KnownSignIns = ratelimit.NewKnown(withPrefix(limits, "authknown:"), graph.KnownSignInTTL)
	if a.Config.RefreshGrace > 0 { // else identity's default
		a.Identity.RefreshGrace = a.Config.RefreshGrace
	}
	a.Tenancy = tenancy.New(a.Client, a.Config.PlatformDomain)
	a.Tenancy.Mail = notification.FromConfig(a.Config, a.Logger)
	a.Tenancy.VerificationWindow = a.Config.DomainVerificationWindow
	a.Taxonomy = taxonomy.New(a.Client)
	a.Rules = resolution.NewResolver(storefront.Directory{Client: a.Client}, a.Config.PlatformDomain, resolution.WithBus(a.Bus))
	a.Stores = &storefront.Resolver{Client: a.Client, Rules: a.Rules}
	a.CatalogChanges = server.NewCatalogChanges(a.Bus)
	a.Catalog = catalog.New(a.Client)
	a.Pricing = pricing.New(a.Client, pricing.CacheReference(a.Config.CatalogCacheTTL))
	a.Inventory = inventory.New(a.Client)
	a.Customers = customer.New(a.Client, a.Identity)
	a.Carts = cart.New(a.Client, a.Pricing)
	a.Payments = payment.NewRegistry(payment.Manual{})
	if a.Config.StripeSecretKey != "" { // Stripe becomes the default; manual stays available
		a.Payments = payment.NewRegistry(payment.NewStripe(a.Config.StripeSecretKey, a.Config.StripeAPIBase), payment.Manual{})
	}
	a.Checkout = checkout.New(a.Client, a.Payments, checkout.WithCarts(a.Carts),
		checkout.OnPostgres(platform.DialectOf(a.DB) == dialect.Postgres), checkout.WithApprovalTTL(a.Config.ApprovalTTL),
		checkout.WithClock(a.Config.Now))
	a.Orders = orders.New(a.Client, a.Payments)
	a.Integrations = integration.New(a.Client, egress.Policy{AllowHTTPLocalhost: a.Config.WebhookAllowHTTPLocalhost})
	// Deliveries go through the SSRF guard (package egress) with the policy endpoints'
	// URLs were saved under, checked again on the address each request dials.
	a.Webhooks = &webhooks.Service{
		Client: a.Client, Queue: asynq.NewClientFromRedisClient(a.Redis), Logger: a.Logger, Metrics: a.Events,
		Config: webhooks.Configured(webhooks.Config{Schedule: a.Config.WebhookSchedule, Timeout: a.Config.WebhookTimeout,
			DeadStreak: a.Config.WebhookDeadStreak, Retention: a.Config.WebhookRetention, PerEndpoint: a.Config.WebhookPerEndpoint}),
	}
	a.Webhooks.HTTP = egress.Client(a.Integrations.Egress, a.Webhooks.Config.Timeout)
	a.Live = livefeed.NewHub(a.Bus, a.Client, a.Config.EventsChannel, a.Logger)
	a.Syncs = syncs.New(a.Client, asynq.NewClientFromRedisClient(a.Redis))
	a.Vendors = vendors.New(a.Client, a.Tenancy)
	a.Companies = companies.New(a.Client, a.Config.Now)
	a.Recurring = recurring.New(a.Client, a.Carts, a.Checkout, a.Payments, a.Config.Now)
	a.Commissions = commissions.New(a.Client)
	var provider payouts.Provider = payouts.Manual{}
	if a.Config.PayoutProvider == "stripe" {
		provider = payouts.NewStripeConnect(a.Config.StripeSecretKey, a.Config.StripeAPIBase)
	}
	a.Payouts = payouts.New(a.Client, provider, a.Config.PayoutHold)
	a.Tenancy.OnChange = func(ctx context.Context) {
		a.Identity.ForgetKeys()
		if err := a.Rules.Broadcast(ctx); err != nil {
			a.Logger.Warn("store resolution: broadcast failed; other instances catch up within the cache TTL", "err", err)
		}
	}
	var billedBy billing.Provider = billing.Manual{}
	if a.Config.BillingProvider == "stripe" {
		billedBy = billing.NewStripeBilling(a.Config.StripeSecretKey, a.Config.StripeAPIBase)
	}
	a.Billing = billing.New(a.Client, billedBy, a.Config.BillingGrace)
	a.Billing.OnTenantChange = a.Tenancy.OnChange // a suspension changes how its stores resolve
	// The queue shares the instance's Redis client: nothing more to close.
	a.Inbound = inbound.New(a.Client, asynq.NewClientFromRedisClient(a.Redis))
	a.Inbound.PlatformDomain, a.Inbound.OnStoreChange = a.Config.PlatformDomain, a.Tenancy.OnChange
	return nil
}

// ListenForChanges keeps this instance's resolution and catalog caches in step with
// other instances.
func (a *Instance) ListenForChanges(ctx context.Context) error {
	if err := a.Rules.Listen(ctx, a.Bus); err != nil {
		return err
	}
	return a.CatalogChanges.Listen(ctx, a.Bus)
}

// Handler returns the HTTP API.
func (a *Instance) Handler() http.Handler {
	return server.New(server.Deps{
		Config: a.Config,
		Resolvers: &graph.Resolver{
			Client:     a.Client,
			Identity:   a.Identity,
			Tenancy:    a.Tenancy,
			Taxonomy:   a.Taxonomy,
			Storefront: a.Stores,
			LookupTXT:  a.LookupTXT,
			Catalog:    a.Catalog,
			Pricing:    a.Pricing,
			Inventory:  a.Inventory,
			Customers:  a.Customers,
			Carts:      a.Carts,
			Checkout:   a.Checkout,
			Orders:     a.Orders,

			Integrations: a.Integrations,
			Webhooks:     a.Webhooks,
			Live:         a.Live,
			Inbound:      a.Inbound,
			Syncs:        a.Syncs,
			Vendors:      a.Vendors,
			Companies:    a.Companies,
			Billing:      a.Billing,
			Recurring:    a.Recurring,
			Commissions:  a.Commissions,
			Payouts:      a.Payouts,

			SignInFailures:  a.AuthFailures,
			AccountFailures: a.AccountFailures,
			KnownSignIns:    a.KnownSignIns,
		},
		Identity:       a.Identity,
		Storefront:     a.Stores,
		Orders:         a.Orders,
		Checkout:       a.Checkout,
		Billing:        a.Billing,
		Inbound:        a.Inbound,
		Client:         a.Client,
		Redis:          a.Redis,
		RateLimits:     a.RateLimits,
		AuthFailures:   a.AuthFailures,
		CatalogChanges: a.CatalogChanges,
		Ready:          a.Ready(),
		Logger:         a.Logger,
		Metrics:        a.Metrics,
		Live:           a.Live,
	})
}

// Ready are the readiness checks of the instance: its database and its Redis.
func (a *Instance) Ready() map[string]func(context.Context) error {
	return map[string]func(context.Context) error{
		"database": a.DB.PingContext,
		"redis":    func(ctx context.Context) error { return a.Redis.Ping(ctx).Err() },
	}
}

// Close releases everything Open acquired, in reverse order.
func (a *Instance) Close() {
	if a.Live != nil {
		a.Live.Close()
	}
	if a.RateLimits != nil {
		a.RateLimits.Close()
	}
	for i := len(a.closers) - 1; i >= 0; i-- {
		a.closers[i]()
	}
	a.closers = nil
}

func withPrefix(c ratelimit.Config, prefix string) ratelimit.Config {
	c.Prefix = prefix
	return c
}

// WorkerDeps is what the background workers use.
func (a *Instance) WorkerDeps() workers.Deps {
	return workers.Deps{Client: a.Client, Tenancy: a.Tenancy, LookupTXT: a.LookupTXT, Logger: a.Logger,
		Redis: a.Redis, Notifier: notification.FromConfig(a.Config, a.Logger), Webhooks: a.Webhooks,
		Metrics: a.Events, QueueRetention: a.Config.QueueRetention, Concurrency: a.Config.WorkerConcurrency, LiveChannel: a.Config.EventsChannel, Bus: a.Bus,
		Inbound: a.Inbound, Syncs: a.Syncs, Payments: a.Payments, Orders: a.Orders,
		ReconcileInterval: a.Config.ReconcileInterval,
		Commissions:       a.Commissions, Payouts: a.Payouts, PayoutInterval: a.Config.PayoutInterval,
		Holds: a.Checkout, Billing: a.Billing, BillingInterval: a.Config.BillingInterval, Renewals: a.Recurring}
}

// QueueRedis is how asynq reaches Redis: the server, credentials and database of
// REDIS_URL (or the in-process Redis), not just its address.
func (a *Instance) QueueRedis() asynq.RedisClientOpt {
	o := a.Redis.Options()
	return asynq.RedisClientOpt{Addr: o.Addr, Username: o.Username, Password: o.Password, DB: o.DB, TLSConfig: o.TLSConfig}
}
