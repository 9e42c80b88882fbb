package middleware

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// MetricsHandler serves the metrics of reg and of more (the instance's own, such as
// the event pipeline's), for /metrics. Metrics live in a registry passed around
// rather than the global one, so tests can build as many servers as they like.
func MetricsHandler(reg *prometheus.Registry, more ...prometheus.Gatherer) http.Handler {
	return promhttp.HandlerFor(append(prometheus.Gatherers{reg}, more...), promhttp.HandlerOpts{Registry: reg})
}

// HTTPMetrics counts requests and times them. It registers
// http_requests_total{method,status} and http_request_duration_seconds with
// reg, and panics if they are already there (a wiring bug).
func HTTPMetrics(reg prometheus.Registerer) func(http.Handler) http.Handler {
	requests := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "http_requests_total",
		Help: "HTTP requests by method and status.",
	}, []string{"method", "status"})
	duration := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "http_request_duration_seconds",
		Help:    "HTTP request duration.",
		Buckets: prometheus.DefBuckets,
	})
	reg.MustRegister(requests, duration)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := newRecorder(w)
			next.ServeHTTP(rec, r)
			duration.Observe(time.Since(start).Seconds())
			requests.WithLabelValues(methodLabel(r.Method), strconv.Itoa(rec.Status())).Inc()
		})
	}
}

// methodLabel folds unknown methods together: the method is chosen by the
// client, and each distinct label value is a new time series.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodPost, http.MethodOptions, http.MethodHead,
		http.MethodPut, http.MethodPatch, http.MethodDelete:
		return m
	}
	return "OTHER"
}

const (
	// Operation names are chosen by clients; past this many distinct names new
	// ones are counted as otherOperation so a hostile client cannot blow up
	// the number of time series.
	maxOperationNames = 500
	otherOperation    = "__other"
)

// GraphQLMetrics is a gqlgen extension recording, per operation name:
// graphql_operations_total{operation,type},
// graphql_operation_duration_seconds{operation} and
// graphql_errors_total{operation,code}. Add it with handler.Server.Use.
// For subscriptions every event counts as one response.
type GraphQLMetrics struct {
	operations *prometheus.CounterVec
	duration   *prometheus.HistogramVec
	errors     *prometheus.CounterVec

	mu    sync.Mutex
	names map[string]struct{}
}

var (
	_ graphql.HandlerExtension    = (*GraphQLMetrics)(nil)
	_ graphql.ResponseInterceptor = (*GraphQLMetrics)(nil)
)

// NewGraphQLMetrics registers the GraphQL metrics with reg; it panics if they
// are already there.
func NewGraphQLMetrics(reg prometheus.Registerer) *GraphQLMetrics {
	m := &GraphQLMetrics{
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "graphql_operations_total",
			Help: "GraphQL operations by name and type.",
		}, []string{"operation", "type"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "graphql_operation_duration_seconds",
			Help:    "GraphQL operation execution time.",
			Buckets: prometheus.DefBuckets,
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "graphql_errors_total",
			Help: "GraphQL errors by operation and extensions.code.",
		}, []string{"operation", "code"}),
		names: map[string]struct{}{},
	}
	reg.MustRegister(m.operations, m.duration, m.errors)
	return m
}

// ExtensionName implements graphql.HandlerExtension.
func (m *GraphQLMetrics) ExtensionName() string { return "GraphQLMetrics" }

// Validate implements graphql.HandlerExtension; any schema will do.
func (m *GraphQLMetrics) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (m *GraphQLMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	start := time.Now()
	resp := next(ctx)
	elapsed := time.Since(start)
	if resp == nil {
		// End of a subscription stream, not a response.
		return resp
	}

	opCtx := graphql.GetOperationContext(ctx)
	name, typ := opCtx.OperationName, "unknown"
	if op := opCtx.Operation; op != nil {
		name, typ = op.Name, string(op.Operation)
	}
	name = m.operationLabel(name)

	m.operations.WithLabelValues(name, typ).Inc()
	m.duration.WithLabelValues(name).Observe(elapsed.Seconds())
	for _, e := range resp.Errors {
		code := ""
		if e != nil {
			if v, ok := e.Extensions["code"]; ok && v != nil {
				// fmt, not a type switch: codes may be named string types (apperr.Code).
				code = fmt.Sprint(v)
			}
		}
		if code == "" {
			code = "INTERNAL"
		}
		m.errors.WithLabelValues(name, code).Inc()
	}
	return resp
}

func (m *GraphQLMetrics) operationLabel(name string) string {
	if name == "" {
		return "anonymous"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.names[name]; ok {
		return name
	}
	if len(m.names) >= maxOperationNames {
		return otherOperation
	}
	m.names[name] = struct{}{}
	return name
}
