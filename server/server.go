// Package server is the HTTP face of the platform: POST /graphql (GraphiQL on GET in
// development), health, readiness and metrics, behind request ids, logs, CORS, body and
// rate limits. It wires; the rules live in the capability packages.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/billing"
	"github.com/dakkah/cityos/checkout"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/graph/generated"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/inbound"
	"github.com/dakkah/cityos/livefeed"
	"github.com/dakkah/cityos/orders"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/reqcache"
	"github.com/dakkah/cityos/server/middleware"
	"github.com/dakkah/cityos/sqldeadline"
	"github.com/dakkah/cityos/storefront"
)

// Deps is what the HTTP server needs: the GraphQL resolvers, and the services its own
// layers call before (credentials, the request's store) or beside (Stripe's webhook) them.
type Deps struct {
	Config     config.Config
	Resolvers  generated.ResolverRoot
	Identity   *identity.Service
	Storefront *storefront.Resolver
	Orders     *orders.Service
	Checkout   *checkout.Service
	// Billing applies Stripe Billing's events (tenants' subscriptions) and gives API keys
	// their tenant's plan's rate limit.
	Billing *billing.Service
	// Inbound receives other systems' webhooks (and records Stripe's).
	Inbound *inbound.Service
	// Client streams the audit export, under the caller's privacy policies.
	Client *ent.Client
	Redis  *redis.Client
	// RateLimits are the per-client request limits, AuthFailures the count of failed
	// sign-ins per client address (nil: none counted). Without RateLimits the instance
	// limits alone.
	RateLimits   *ratelimit.Limiter
	AuthFailures *ratelimit.Failures
	// CatalogChanges drops the catalog cache of every listening instance on a staff
	// change; nil for this instance only.
	CatalogChanges *CatalogChanges
	// Live counts the subscriptions the instance serves (metrics).
	Live   *livefeed.Hub
	Ready  map[string]func(context.Context) error
	Logger *slog.Logger
	// Metrics are the instance's metrics beyond HTTP and GraphQL (the event pipeline's),
	// served on /metrics with them; nil for none.
	Metrics prometheus.Gatherer
}

// New returns the root handler.
func New(d Deps) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))

	// One sign-in layer, and one count of failed sign-ins per client, for every endpoint
	// that takes credentials.
	failures := d.AuthFailures
	signIn := authenticate(d.Identity, failures, d.Config.TrustProxy)
	limits := d.RateLimits
	if limits == nil {
		limits = ratelimit.New(ratelimit.Config{Logger: d.Logger})
	}
	callers := planRateLimit(d.Billing, d.Config.RateLimit)
	rateLimit := middleware.NewRateLimiterFor(limits, callers.ofRequest(d.Config.TrustProxy))
	sockets := newLiveSockets(d, failures, reg)
	sockets.operations = socketOperations{limits: limits, limitOf: callers, timeout: d.Config.RequestTimeout}
	gql := graphQLHandler(d, reg, sockets)
	api := chain(gql,
		requestDeadline(d.Config.RequestTimeout),
		signIn,
		storeContext(d.Storefront),
		requestCache,
		rateLimit,
	)

	mux := http.NewServeMux()
	mux.Handle("POST /graphql", api)
	// GET: queries and APQ hashes, or the WebSocket of subscriptions. A socket skips the
	// request's layers (deadline, sign-in from headers, request cache): it lives for
	// hours and signs in with connection_init.
	live := chain(sockets.handler(gql),
		rateLimit)
	mux.Handle("GET /graphql", upgradeOr(live, withIDE(api, d.Config.Dev())))
	mux.Handle("OPTIONS /graphql", api)
	mux.Handle("GET /{$}", rootPage(d.Config.Dev()))
	mux.Handle("GET /healthz", middleware.Health())
	mux.Handle("GET /readyz", middleware.Ready(d.Ready))
	mux.Handle("GET /metrics", middleware.MetricsHandler(reg, gatherers(d.Metrics)...))
	// The audit log as a file, behind the same credentials and rate limit as the API.
	mux.Handle("GET /audit/export", chain(auditExport(d.Client, generated.NewExecutableSchema(generated.Config{}).Schema()),
		signIn,
		rateLimit,
	))
	mux.Handle("POST /webhooks/stripe", stripeWebhook(d.Orders, d.Checkout, d.Billing, d.Inbound, d.Config.StripeWebhookSecret))
	// Behind the per-client rate limit: the URL is public, and every request is verified.
	mux.Handle("POST /webhooks/in/{endpointId}", chain(inboundWebhook(d.Inbound),
		rateLimit,
	))

	return chain(mux,
		middleware.AssignRequestID,
		middleware.AccessLog(d.Logger, d.Config.TrustProxy),
		middleware.Recover,
		middleware.HTTPMetrics(reg),
		middleware.CORS(d.Config.CORSOrigins),
		middleware.BodyLimit(d.Config.BodyLimit),
	)
}

func graphQLHandler(d Deps, reg prometheus.Registerer, sockets *liveSockets) http.Handler {
	cfg := generated.Config{Resolvers: d.Resolvers}
	setComplexity(&cfg.Complexity, generated.NewExecutableSchema(cfg).Schema())
	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(sockets.transport())
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(jsonPOST{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.AutomaticPersistedQuery{Cache: newPersistedQueries(d.Redis)})
	srv.Use(newDocumentLimits()) // after APQ, which fills in the document
	if d.Config.Dev() {
		srv.Use(extension.Introspection{})
	}
	srv.Use(subscriptionsOverSockets{})
	srv.Use(sockets.operations)
	srv.Use(depthLimit{max: d.Config.MaxDepth})
	srv.Use(&queryCost{max: d.Config.MaxComplexity})
	srv.Use(&argumentLimits{})
	srv.Use(middleware.NewGraphQLMetrics(reg))
	if d.Config.CatalogCacheTTL > 0 {
		cache := newCatalogCache(d.Config.CatalogCacheTTL, d.CatalogChanges)
		if d.Live != nil {
			if err := cache.listen(d.Config.CatalogCacheMaxAge, d.Live.Watch); err != nil {
				d.Logger.Warn("catalog cache: not hearing events; answers keep for the TTL only", "err", err)
			}
		}
		srv.Use(cache)
	}
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		middleware.Logger(ctx).Error("resolver panic", "panic", v)
		return apperr.New(apperr.Internal, "internal error")
	})
	return srv
}

// withIDE serves GraphiQL, in development, to a browser opening /graphql.
func withIDE(api http.Handler, dev bool) http.Handler {
	ide := playground.Handler("CityOS GraphiQL", "/graphql")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if dev && r.URL.RawQuery == "" && strings.Contains(r.Header.Get("Accept"), "text/html") {
			ide.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}

// upgradeOr sends WebSocket upgrades to live and every other request to next.
func upgradeOr(live, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isUpgrade(r) {
			live.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requestDeadline gives every statement of a request a common deadline, timeout after
// it began (none when timeout is 0): a request never holds connections for long. The
// request's context keeps running so that it can still answer, with the error of the
// statements it could not run. A client that goes away cancels the context itself.
func requestDeadline(timeout time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		if timeout <= 0 {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := sqldeadline.WithRequestDeadline(r.Context(), time.Now().Add(timeout))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// requestCache gives each request its own cache for batch loads (see reqcache).
func requestCache(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(reqcache.New(r.Context())))
	})
}

func chain(h http.Handler, mws ...func(http.Handler) http.Handler) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// Serve runs h on addr until ctx ends, then drains in-flight requests for up to 15s.
func Serve(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}
