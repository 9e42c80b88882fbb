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
	"github.com/go-redis/redis_rate/v10"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/graph"
	"github.com/dakkah/cityos/graph/generated"
	"github.com/dakkah/cityos/reqcache"
	"github.com/dakkah/cityos/server/middleware"
)

// Deps is what the HTTP server needs.
type Deps struct {
	Config   config.Config
	Resolver *graph.Resolver
	Redis    *redis.Client
	Ready    map[string]func(context.Context) error
	Logger   *slog.Logger
}

// New returns the root handler.
func New(d Deps) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))

	gql := graphQLHandler(d, reg)
	api := chain(gql,
		authenticate(d.Resolver.Identity),
		storeContext(d.Resolver.Storefront),
		requestCache,
		middleware.NewRateLimiter(d.Redis, redis_rate.PerMinute(d.Config.RateLimit), rateKey(d.Config.TrustProxy)),
	)

	mux := http.NewServeMux()
	mux.Handle("POST /graphql", api)
	mux.Handle("GET /graphql", withIDE(api, d.Config.Dev())) // GET queries and APQ hashes
	mux.Handle("OPTIONS /graphql", api)
	mux.Handle("GET /healthz", middleware.Health())
	mux.Handle("GET /readyz", middleware.Ready(d.Ready))
	mux.Handle("GET /metrics", middleware.MetricsHandler(reg))
	mux.Handle("POST /webhooks/stripe", stripeWebhook(d.Resolver.Orders, d.Resolver.Checkout, d.Config.StripeWebhookSecret))

	return chain(mux,
		middleware.AssignRequestID,
		middleware.AccessLog(d.Logger, d.Config.TrustProxy),
		middleware.Recover,
		middleware.HTTPMetrics(reg),
		middleware.CORS(d.Config.CORSOrigins),
		middleware.BodyLimit(d.Config.BodyLimit),
	)
}

func graphQLHandler(d Deps, reg prometheus.Registerer) http.Handler {
	cfg := generated.Config{Resolvers: d.Resolver}
	setComplexity(&cfg.Complexity)
	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.AutomaticPersistedQuery{Cache: newPersistedQueries(d.Redis)})
	if d.Config.Dev() {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.FixedComplexityLimit(d.Config.MaxComplexity))
	srv.Use(depthLimit{max: d.Config.MaxDepth})
	srv.Use(middleware.NewGraphQLMetrics(reg))
	if d.Config.CatalogCacheTTL > 0 {
		srv.Use(newCatalogCache(d.Config.CatalogCacheTTL))
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
