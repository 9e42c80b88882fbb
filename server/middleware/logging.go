package middleware

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/dakkah/cityos/reqid"
)

type loggerKey struct{}

// Logger returns the request's logger, with request_id attached. Outside
// AccessLog it falls back to slog.Default, so callers never get nil.
func Logger(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	if id := reqid.From(ctx); id != "" {
		return slog.Default().With("request_id", id)
	}
	return slog.Default()
}

// WithLogger returns ctx carrying logger as the request's logger (see Logger).
func WithLogger(ctx context.Context, logger *slog.Logger) context.Context {
	return context.WithValue(ctx, loggerKey{}, logger)
}

// AccessLog writes one log line per request to logger and makes a
// request-scoped logger available through Logger. trustProxy says whether
// X-Forwarded-For names the client (see ClientIP). Put it inside
// AssignRequestID so the id is known.
func AccessLog(logger *slog.Logger, trustProxy bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			id := reqid.From(r.Context())
			reqLogger := logger
			if id != "" {
				reqLogger = logger.With("request_id", id)
			}
			rec := newRecorder(w)
			next.ServeHTTP(rec, r.WithContext(WithLogger(r.Context(), reqLogger)))

			status := rec.Status()
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelError
			}
			// The query string is left out: it may carry tokens or personal data.
			reqLogger.LogAttrs(r.Context(), level, "http request",
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", status),
				slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
				slog.Int64("bytes", rec.bytes),
				slog.String("remote_ip", ClientIP(r, trustProxy)),
			)
		})
	}
}
