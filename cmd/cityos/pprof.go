package main

import (
	"log/slog"
	"net/http"
	_ "net/http/pprof" // registers the profiling handlers on http.DefaultServeMux
	"os"
)

// startProfiling serves Go's profiler on CITYOS_PPROF_ADDR (e.g. 127.0.0.1:6060) when set:
// for measuring where a server spends its time, never on a public address.
func startProfiling(log *slog.Logger) {
	addr := os.Getenv("CITYOS_PPROF_ADDR")
	if addr == "" {
		return
	}
	go func() {
		log.Info("profiler listening", "addr", addr)
		if err := http.ListenAndServe(addr, nil); err != nil {
			log.Error("profiler stopped", "err", err.Error())
		}
	}()
}
