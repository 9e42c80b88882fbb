package middleware

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

func TestHTTPMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	h := HTTPMetrics(reg)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte("ok"))
	}))
	for _, p := range []string{"/a", "/b", "/missing"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, p, nil))
	}
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("BREW", "/a", nil))

	assert.Equal(t, 2.0, counterValue(t, reg, "http_requests_total", map[string]string{"method": "POST", "status": "200"}))
	assert.Equal(t, 1.0, counterValue(t, reg, "http_requests_total", map[string]string{"method": "POST", "status": "404"}))
	assert.Equal(t, 1.0, counterValue(t, reg, "http_requests_total", map[string]string{"method": "OTHER", "status": "200"}))
	n, err := testutil.GatherAndCount(reg, "http_request_duration_seconds")
	require.NoError(t, err)
	assert.Equal(t, 1, n)

	// Served by MetricsHandler too.
	rec := httptest.NewRecorder()
	MetricsHandler(reg).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	assert.Equal(t, http.StatusOK, rec.Code)
	body, _ := io.ReadAll(rec.Body)
	assert.Contains(t, string(body), `http_requests_total{method="POST",status="404"} 1`)
	assert.Contains(t, string(body), `http_request_duration_seconds_count 4`)
}

// counterValue returns the gathered value of the counter name{labels}, or -1
// when there is no such series.
func counterValue(t *testing.T, reg *prometheus.Registry, name string, labels map[string]string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	require.NoError(t, err)
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	metrics:
		for _, m := range mf.GetMetric() {
			if len(m.GetLabel()) != len(labels) {
				continue
			}
			for _, l := range m.GetLabel() {
				if labels[l.GetName()] != l.GetValue() {
					continue metrics
				}
			}
			return m.GetCounter().GetValue()
		}
	}
	return -1
}

func opCtx(name string, typ ast.Operation) context.Context {
	oc := &graphql.OperationContext{OperationName: name}
	oc.Operation = &ast.OperationDefinition{Name: name, Operation: typ}
	return graphql.WithOperationContext(context.Background(), oc)
}

func TestGraphQLMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	m := NewGraphQLMetrics(reg)
	var _ graphql.HandlerExtension = m
	var _ graphql.ResponseInterceptor = m
	assert.NoError(t, m.Validate(nil))
	assert.Equal(t, "GraphQLMetrics", m.ExtensionName())

	withErrors := func(ctx context.Context) *graphql.Response {
		return &graphql.Response{Errors: gqlerror.List{
			{Message: "nope", Extensions: map[string]any{"code": "NOT_FOUND"}},
			{Message: "boom"},
		}}
	}
	ok := func(ctx context.Context) *graphql.Response { return &graphql.Response{Data: []byte(`{}`)} }

	resp := m.InterceptResponse(opCtx("Checkout", ast.Mutation), withErrors)
	require.Len(t, resp.Errors, 2, "the response is passed through")
	m.InterceptResponse(opCtx("Checkout", ast.Mutation), ok)
	m.InterceptResponse(opCtx("", ast.Query), ok)

	assert.Equal(t, 2.0, testutil.ToFloat64(m.operations.WithLabelValues("Checkout", "mutation")))
	assert.Equal(t, 1.0, testutil.ToFloat64(m.operations.WithLabelValues("anonymous", "query")))
	assert.Equal(t, 1.0, testutil.ToFloat64(m.errors.WithLabelValues("Checkout", "NOT_FOUND")))
	assert.Equal(t, 1.0, testutil.ToFloat64(m.errors.WithLabelValues("Checkout", "INTERNAL")))
	n, err := testutil.GatherAndCount(reg, "graphql_operation_duration_seconds")
	require.NoError(t, err)
	assert.Equal(t, 2, n, "one histogram per operation name")

	// Outside an operation (should not happen) it only passes through.
	assert.NotNil(t, m.InterceptResponse(context.Background(), ok))
	// End of a subscription stream is not counted.
	assert.Nil(t, m.InterceptResponse(opCtx("Feed", ast.Subscription), func(context.Context) *graphql.Response { return nil }))
	assert.Equal(t, -1.0, counterValue(t, reg, "graphql_operations_total", map[string]string{"operation": "Feed", "type": "subscription"}))
}

func TestGraphQLMetricsCapsOperationNames(t *testing.T) {
	m := NewGraphQLMetrics(prometheus.NewRegistry())
	for i := 0; i < maxOperationNames+10; i++ {
		m.operationLabel(fmt.Sprintf("op%d", i))
	}
	assert.Equal(t, otherOperation, m.operationLabel("brandNew"))
	assert.Equal(t, "op0", m.operationLabel("op0"), "known names keep their label")
	assert.Equal(t, "anonymous", m.operationLabel(""), "anonymous is never capped")
}

func TestMetricsDedicatedRegistries(t *testing.T) {
	// Two servers in one process must not collide.
	for range 2 {
		reg := prometheus.NewRegistry()
		assert.NotPanics(t, func() {
			HTTPMetrics(reg)
			NewGraphQLMetrics(reg)
		})
	}
}
