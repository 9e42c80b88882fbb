package middleware

import (
	"encoding/json"
	"net/http"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/reqid"
)

// gqlError mirrors one entry of a GraphQL response's "errors" list, so that
// failures raised before gqlgen runs look like the ones it produces and
// clients need only one error parser.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

type gqlErrorBody struct {
	Errors []gqlError `json:"errors"`
}

// WriteError answers with status and a GraphQL-shaped body
// {"errors":[{"message":...,"extensions":{"code":...,"requestId":...}}]}.
// ext adds extension fields; code and requestId are always set by WriteError.
func WriteError(w http.ResponseWriter, r *http.Request, status int, code apperr.Code, message string, ext map[string]any) {
	extensions := make(map[string]any, len(ext)+2)
	for k, v := range ext {
		extensions[k] = v
	}
	extensions["code"] = code
	if id := reqid.From(r.Context()); id != "" {
		extensions["requestId"] = id
	}
	body, err := json.Marshal(gqlErrorBody{Errors: []gqlError{{Message: message, Extensions: extensions}}})
	if err != nil {
		// Only reachable with an unmarshalable value in ext: a programming error,
		// but the client still deserves the status.
		body = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	h.Del("Content-Length")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}
