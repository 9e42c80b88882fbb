package outbox

import "strings"

// TypeMatches reports whether the event type topic matches pattern: "*" matches every
// type, "order.*" every type of the order aggregate, anything else itself. Endpoints,
// subscriptions and sync jobs all match types by it.
func TypeMatches(pattern, topic string) bool {
	if pattern == "*" {
		return true
	}
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(topic, prefix)
	}
	return pattern == topic
}
