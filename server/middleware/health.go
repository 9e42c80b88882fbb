package middleware

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync"
	"time"
)

// readyCheckTimeout bounds each readiness check, so a hung dependency makes
// the instance "not ready" instead of hanging the orchestrator's probe.
const readyCheckTimeout = 2 * time.Second

// Health answers /healthz: the process is up and serving HTTP. It checks no
// dependency, so a database outage does not get every instance restarted.
func Health() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok"})
	})
}

// Ready answers /readyz: 200 when every check passes, else 503; the body has
// "ok" or the error text per check name. Checks run concurrently, each with
// a 2s timeout. The error text is meant for operators: keep /readyz off the
// public internet.
func Ready(checks map[string]func(context.Context) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		results := make(map[string]string, len(checks))
		var mu sync.Mutex
		var wg sync.WaitGroup
		for name, check := range checks {
			wg.Go(func() {
				msg := "ok"
				if err := runCheck(r.Context(), check); err != nil {
					msg = err.Error()
				}
				mu.Lock()
				results[name] = msg
				mu.Unlock()
			})
		}
		wg.Wait()

		status, word := http.StatusOK, "ok"
		for _, msg := range results {
			if msg != "ok" {
				status, word = http.StatusServiceUnavailable, "unavailable"
				break
			}
		}
		writeJSON(w, status, map[string]any{"status": word, "checks": results})
	})
}

// runCheck returns when the check does or when the timeout passes, whichever
// is first: a check that ignores its context must not hold the probe.
func runCheck(ctx context.Context, check func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, readyCheckTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- errors.New("check panicked")
			}
		}()
		done <- check(ctx)
	}()
	select {
	case err := <-done:
		if err == nil {
			return nil
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return errors.New("timeout after " + readyCheckTimeout.String())
		}
		if err.Error() == "ok" {
			// Keep "ok" meaning success in the body.
			return errors.New("failed: ok")
		}
		return err
	case <-ctx.Done():
		return errors.New("timeout after " + readyCheckTimeout.String())
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
