package middleware

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"

	"github.com/dakkah/cityos/apperr"
)

// BodyLimit caps request bodies at n bytes. A declared Content-Length over n
// is refused at once, without reading. A body that turns out too big while
// the handler reads it (chunked, or a lying Content-Length) is still answered
// 413 with the GraphQL-shaped error: the handler's own reply, typically a 400
// about unreadable JSON, is replaced.
func BodyLimit(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.ContentLength > n {
				tooLarge(w, r, n)
				return
			}
			if r.Body == nil || r.Body == http.NoBody {
				next.ServeHTTP(w, r)
				return
			}
			body := &limitedBody{ReadCloser: http.MaxBytesReader(w, r.Body, n)}
			lw := &limitWriter{ResponseWriter: w, r: r, body: body, limit: n}
			r2 := r.WithContext(r.Context()) // shallow copy; the caller's request stays untouched
			r2.Body = body
			next.ServeHTTP(lw, r2)
			if body.exceeded.Load() && !lw.wroteHeader {
				lw.replace()
			}
		})
	}
}

func tooLarge(w http.ResponseWriter, r *http.Request, n int64) {
	WriteError(w, r, http.StatusRequestEntityTooLarge, apperr.BadUserInput,
		fmt.Sprintf("request body too large (limit %d bytes)", n), nil)
}

// limitedBody notes when the MaxBytesReader under it hits the limit.
type limitedBody struct {
	io.ReadCloser
	exceeded atomic.Bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var mbe *http.MaxBytesError
	if err != nil && errors.As(err, &mbe) {
		b.exceeded.Store(true)
	}
	return n, err
}

// limitWriter swaps the handler's response for a 413 once the body was found
// too large, as long as nothing has been sent yet.
type limitWriter struct {
	http.ResponseWriter
	r           *http.Request
	body        *limitedBody
	limit       int64
	wroteHeader bool
	replaced    bool
}

func (w *limitWriter) replace() {
	w.wroteHeader = true
	w.replaced = true
	tooLarge(w.ResponseWriter, w.r, w.limit)
}

func (w *limitWriter) WriteHeader(code int) {
	if w.wroteHeader {
		if !w.replaced {
			w.ResponseWriter.WriteHeader(code)
		}
		return
	}
	if w.body.exceeded.Load() {
		w.replace()
		return
	}
	if code >= 200 || code == http.StatusSwitchingProtocols {
		w.wroteHeader = true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.replaced {
		// Pretend success: the handler's body is dropped, not the connection.
		return len(p), nil
	}
	return w.ResponseWriter.Write(p)
}

func (w *limitWriter) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

func (w *limitWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
