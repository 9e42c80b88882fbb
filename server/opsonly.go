package server

import (
	"context"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/dakkah/cityos/server/middleware"
)

// OpsOnly is the HTTP face of a process that serves no API (`cityos worker`): /metrics
// with the process's own and metrics' series, /healthz and /readyz, so a worker running
// alone is scraped and probed like an API instance.
func OpsOnly(metrics prometheus.Gatherer, ready map[string]func(context.Context) error) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", middleware.MetricsHandler(reg, gatherers(metrics)...))
	mux.Handle("GET /healthz", middleware.Health())
	mux.Handle("GET /readyz", middleware.Ready(ready))
	return mux
}

func gatherers(g prometheus.Gatherer) []prometheus.Gatherer {
	if g == nil {
		return nil
	}
	return []prometheus.Gatherer{g}
}
