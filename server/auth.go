package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/ratelimit"
	"github.com/dakkah/cityos/reqid"
	"github.com/dakkah/cityos/server/middleware"
	"github.com/dakkah/cityos/viewer"
)

// authenticate turns the request's credentials into its viewer, once, before any
// resolver runs: a bearer access token, a secret key (X-Api-Key) or a publishable key
// (X-Publishable-Key). No credential is an anonymous viewer; a bad one is refused, so a
// client with an expired token learns it instead of silently seeing less.
//
// A client address whose credentials failed too often is answered RATE_LIMITED before
// any lookup: guessing keys costs the guesser, not the database.
func authenticate(ids *identity.Service, failures *ratelimit.Failures, trustProxy bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ip := middleware.ClientIP(r, trustProxy)
			if hasCredentials(r) {
				if wait, blocked := failures.Blocked(r.Context(), ip); blocked {
					retry := ratelimit.RetryAfterSeconds(wait)
					w.Header().Set("Retry-After", strconv.Itoa(retry))
					middleware.WriteError(w, r, http.StatusTooManyRequests, apperr.RateLimited,
						"too many failed sign-ins from this address", map[string]any{"retryAfter": retry})
					return
				}
			}
			v, err := viewerOf(r, ids)
			if err != nil {
				if e, ok := apperr.As(err); ok && e.Code == apperr.Unauthenticated {
					failures.Fail(r.Context(), ip)
					middleware.WriteError(w, r, http.StatusUnauthorized, e.Code, e.Message, nil)
					return
				}
				// The credentials could not be checked (the database is down…). A 401 would
				// tell a client holding a good token to throw it away.
				middleware.Logger(r.Context()).Error("authentication failed", "err", err.Error())
				middleware.WriteError(w, r, http.StatusInternalServerError, apperr.Internal, "internal error", nil)
				return
			}
			// The address goes with the viewer: the sign-in mutations count their
			// failures by it too (graph's guardSignIn).
			next.ServeHTTP(w, r.WithContext(reqid.WithClient(viewer.NewContext(r.Context(), v), ip)))
		})
	}
}

func hasCredentials(r *http.Request) bool { return headerCredentials(r.Header) }

func headerCredentials(h http.Header) bool {
	return h.Get("Authorization") != "" || h.Get("X-Api-Key") != "" || h.Get("X-Publishable-Key") != ""
}

func viewerOf(r *http.Request, ids *identity.Service) (*viewer.Viewer, error) {
	return viewerOfHeaders(r.Context(), r.Header, ids)
}

// viewerOfHeaders is the viewer of the credentials in h: the HTTP request's headers, or
// what a WebSocket's connection_init carried (see initHeaders).
func viewerOfHeaders(ctx context.Context, hdr http.Header, ids *identity.Service) (*viewer.Viewer, error) {
	if h := hdr.Get("Authorization"); h != "" {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return nil, apperr.New(apperr.Unauthenticated, "the Authorization header must be \"Bearer <token>\"")
		}
		return ids.UserViewer(ctx, strings.TrimSpace(token))
	}
	if k := hdr.Get("X-Api-Key"); k != "" {
		return ids.KeyViewer(ctx, k, apikey.KindSecret)
	}
	if k := hdr.Get("X-Publishable-Key"); k != "" {
		return ids.KeyViewer(ctx, k, apikey.KindPublishable)
	}
	return &viewer.Viewer{Kind: viewer.Anonymous}, nil
}

// rateKey limits each API key, each user, and each anonymous client address separately.
func rateKey(v *viewer.Viewer, clientIP string) string {
	switch v.Kind {
	case viewer.SecretKey, viewer.PublishableKey:
		return "key:" + strconv.Itoa(v.APIKeyID)
	case viewer.User:
		return "user:" + strconv.Itoa(v.UserID)
	}
	return "ip:" + clientIP
}
