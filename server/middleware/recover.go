package middleware

import (
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/dakkah/cityos/apperr"
)

// Recover turns a panic into a logged stack trace and a 500 INTERNAL error.
// The panic value is never sent: it may hold SQL, secrets or internals.
func Recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := newRecorder(w)
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			// net/http's way to abort a response on purpose; let it do its job.
			if v == http.ErrAbortHandler {
				panic(v)
			}
			Logger(r.Context()).Error("panic serving request",
				"panic", fmt.Sprint(v),
				"method", r.Method,
				"path", r.URL.Path,
				"stack", string(debug.Stack()),
			)
			if rec.wroteHeader {
				// Too late for a clean 500: cut the connection so the client sees
				// a broken response rather than a truncated one that looks whole.
				panic(http.ErrAbortHandler)
			}
			WriteError(w, r, http.StatusInternalServerError, apperr.Internal, "internal error", nil)
		}()
		next.ServeHTTP(rec, r)
	})
}
