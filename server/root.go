package server

import (
	"fmt"
	"net/http"
)

// rootPage answers GET / exactly: someone (or a probe) opening the server's address
// learns where the API is instead of getting a bare 404. In dev, /graphql in a browser
// is GraphiQL.
func rootPage(dev bool) http.Handler {
	hint := "POST GraphQL requests to /graphql."
	if dev {
		hint = "Open /graphql in a browser for GraphiQL, or POST GraphQL requests to it."
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		fmt.Fprintf(w, "CityOS Commerce: the GraphQL API is at /graphql.\n%s\nHealth: /healthz. Metrics: /metrics.\n", hint)
	})
}
