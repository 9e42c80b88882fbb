package middleware

import (
	"net/http"
	"strings"
)

const (
	corsAllowMethods = "GET, POST, OPTIONS"
	corsAllowHeaders = "Authorization, Content-Type, X-Api-Key, X-Publishable-Key, X-Store-Host, X-Store-Path, X-Store-Hint, X-Request-Id"
	// Exposed so browser clients can read the request id and back off when limited.
	corsExposeHeaders = "X-Request-Id, Retry-After, X-RateLimit-Remaining"
	// Browsers cap this anyway (Chrome at 2h); 10 minutes saves most preflights.
	corsMaxAge = "600"
)

// CORS lets browsers on the allowed origins call the API. An origin is
// "scheme://host[:port]"; "*" allows every origin. A disallowed origin gets no
// CORS headers, so the browser blocks the response. Credentials (cookies) are
// not allowed: the API authenticates with headers.
func CORS(allowedOrigins []string) func(http.Handler) http.Handler {
	allowAll := false
	allowed := make(map[string]bool, len(allowedOrigins))
	for _, o := range allowedOrigins {
		o = normalizeOrigin(o)
		if o == "*" {
			allowAll = true
		}
		allowed[o] = true
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			// Every response varies by Origin, allowed or not, so shared caches
			// never serve one origin's answer to another.
			h.Add("Vary", "Origin")
			origin := r.Header.Get("Origin")
			preflight := r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
			if preflight {
				h.Add("Vary", "Access-Control-Request-Method")
				h.Add("Vary", "Access-Control-Request-Headers")
			}
			ok := origin != "" && (allowAll || allowed[normalizeOrigin(origin)])
			if ok {
				if allowAll {
					h.Set("Access-Control-Allow-Origin", "*")
				} else {
					h.Set("Access-Control-Allow-Origin", origin)
				}
			}
			if preflight {
				// Answered here, allowed or not: the GraphQL handler has nothing to
				// say about OPTIONS, and without CORS headers the browser refuses.
				if ok {
					h.Set("Access-Control-Allow-Methods", corsAllowMethods)
					h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
					h.Set("Access-Control-Max-Age", corsMaxAge)
				}
				w.WriteHeader(http.StatusNoContent)
				return
			}
			if ok {
				h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// normalizeOrigin makes configured and sent origins comparable: scheme and
// host are case-insensitive, and a configured trailing slash is a common slip.
func normalizeOrigin(o string) string {
	return strings.ToLower(strings.TrimRight(strings.TrimSpace(o), "/"))
}
