package server

import (
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// initHeaders turns a connection_init payload into the headers an HTTP request would
// carry, so that a WebSocket authenticates exactly as a request does. Accepted, in any
// letter case: "Authorization" ("Bearer <token>"), "token" or "accessToken" (a bare
// access token), "X-Api-Key" / "apiKey" (secret key), "X-Publishable-Key" /
// "publishableKey", and any of these inside a "headers" object (clients that forward
// their HTTP headers).
func initHeaders(p transport.InitPayload) http.Header {
	h := http.Header{}
	add := func(m map[string]any) {
		for k, v := range m {
			s, ok := v.(string)
			if !ok || s == "" {
				continue
			}
			switch strings.ToLower(k) {
			case "authorization":
				h.Set("Authorization", s)
			case "token", "accesstoken", "access_token":
				if !strings.HasPrefix(s, "Bearer ") {
					s = "Bearer " + s
				}
				h.Set("Authorization", s)
			case "x-api-key", "apikey", "api_key":
				h.Set("X-Api-Key", s)
			case "x-publishable-key", "publishablekey", "publishable_key":
				h.Set("X-Publishable-Key", s)
			}
		}
	}
	if nested, ok := p["headers"].(map[string]any); ok {
		add(nested)
	}
	add(p) // top-level keys win over forwarded headers
	return h
}
