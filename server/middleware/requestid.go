package middleware

import (
	"net/http"

	"github.com/dakkah/cityos/reqid"
	"github.com/google/uuid"
)

// RequestIDHeader carries the request id in both directions.
const RequestIDHeader = "X-Request-Id"

const maxRequestIDLen = 128

// AssignRequestID keeps a caller's X-Request-Id when it is sane, so a trace can
// span a gateway and this service, and otherwise makes a new one. The id goes
// into the context and back in the response header.
func AssignRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(RequestIDHeader)
		if !saneRequestID(id) {
			id = uuid.NewString()
		}
		// Set before next runs: headers are frozen once the handler writes.
		w.Header().Set(RequestIDHeader, id)
		next.ServeHTTP(w, r.WithContext(reqid.With(r.Context(), id)))
	})
}

// saneRequestID rejects ids that could forge log lines, bloat logs or smuggle
// markup into places that echo them.
func saneRequestID(id string) bool {
	if id == "" || len(id) > maxRequestIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}
