package integration

import (
	"context"
	"strings"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/egress"
)

// MaxDescription is the longest description in bytes of UTF-8 (the schema's limit,
// which ent checks in bytes).
const MaxDescription = 500

// MaxURL is the longest URL (the column's limit).
const MaxURL = 2048

// MaxEventTypes is the most event types and patterns one endpoint lists.
const MaxEventTypes = 100

// lookupTimeout bounds the DNS lookup of a URL being saved.
const lookupTimeout = 5 * time.Second

// checkDescription trims the description and checks its length.
func checkDescription(desc *string) error {
	*desc = strings.TrimSpace(*desc)
	if len(*desc) > MaxDescription {
		return apperr.Invalid("description", "at most %d bytes (UTF-8)", MaxDescription)
	}
	return nil
}

// checkEventTypes wants at least one type, each of the catalog or a pattern.
func checkEventTypes(eventTypes []string) error {
	if len(eventTypes) == 0 {
		return apperr.Invalid("eventTypes", "subscribe to at least one event type (\"*\" is every event)")
	}
	if len(eventTypes) > MaxEventTypes {
		return apperr.Invalid("eventTypes", "at most %d entries (\"<aggregate>.*\" covers an aggregate)", MaxEventTypes)
	}
	for _, t := range eventTypes {
		if !ValidEventType(t) {
			return apperr.Invalid("eventTypes", "%q is not an event type, \"<aggregate>.*\" or \"*\"", t)
		}
	}
	return nil
}

// checkURL refuses a URL that is not a public https destination under the policy.
func (s *Service) checkURL(ctx context.Context, raw string) error {
	if raw == "" {
		return apperr.Invalid("url", "the URL is required")
	}
	if len(raw) > MaxURL {
		return apperr.Invalid("url", "at most %d characters", MaxURL)
	}
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	if err := egress.CheckURL(ctx, raw, s.Egress); err != nil {
		return apperr.Invalid("url", "%s", strings.TrimPrefix(err.Error(), "egress: "))
	}
	return nil
}
