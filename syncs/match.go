package syncs

import "strings"

// Subscribes reports whether an endpoint with the event type patterns subscribes to
// topic: "*" hears everything, "order.*" every order event, anything else itself.
// (At merge: the webhook fan-out matches patterns too; one of the two should go.)
func Subscribes(patterns []string, topic string) bool {
	for _, p := range patterns {
		switch {
		case p == "*" || p == topic:
			return true
		case strings.HasSuffix(p, ".*") && strings.HasPrefix(topic, strings.TrimSuffix(p, "*")):
			return true
		}
	}
	return false
}
