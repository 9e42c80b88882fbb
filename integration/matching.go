package integration

import (
	"time"

	"github.com/dakkah/cityos/ent"
)

// Matches reports whether endpoint e subscribes to an event of type eventType that
// concerns store storeID (nil: no store, a tenant-wide event). An endpoint limited to a
// store hears only that store's events. It does not look at the tenant or at Enabled:
// the caller picks the tenant's enabled endpoints first.
func Matches(e *ent.IntegrationEndpoint, eventType string, storeID *int) bool {
	if e.StoreID != nil && (storeID == nil || *storeID != *e.StoreID) {
		return false
	}
	for _, p := range e.EventTypes {
		if matchesType(p, eventType) {
			return true
		}
	}
	return false
}

// Signers are the secrets a delivery at now is signed with: the current one and, during
// a rotation's overlap, the previous one, so the receiver verifies with either.
func Signers(e *ent.IntegrationEndpoint, now time.Time) []string {
	out := []string{e.Secret}
	if inOverlap(e, now) {
		out = append(out, *e.PreviousSecret)
	}
	return out
}

// HasPreviousSecret reports whether the previous secret still signs at now.
func HasPreviousSecret(e *ent.IntegrationEndpoint, now time.Time) bool { return inOverlap(e, now) }

func inOverlap(e *ent.IntegrationEndpoint, now time.Time) bool {
	return e.PreviousSecret != nil && *e.PreviousSecret != "" &&
		e.PreviousSecretExpiresAt != nil && now.Before(*e.PreviousSecretExpiresAt)
}
