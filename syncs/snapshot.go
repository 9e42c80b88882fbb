package syncs

import (
	"encoding/json"
	"strings"
)

// Snapshot is the payload of a "<aggregate>.snapshot" event: the entity's fields as its
// JSON form names them, without its edges and without anything secret. Sensitive
// fields never reach JSON (ent tags them "-"); the rest follows the audit log's rule:
// no field named like a secret, password or token hash, and no value holding a payment
// client secret.
//
// At merge: the events work writes the generic snapshot in package outbox; this one
// follows the same rules and should give way to it.
func Snapshot(entity any) (map[string]any, error) {
	b, err := json.Marshal(entity)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	delete(m, "edges")
	for k, v := range m {
		if secretField(k) || holdsSecret(v) {
			delete(m, k)
		}
	}
	return m, nil
}

func secretField(name string) bool {
	return strings.Contains(name, "secret") || strings.Contains(name, "password") ||
		strings.Contains(name, "token_hash") || name == "token" || name == "verification_token"
}

func holdsSecret(v any) bool {
	if s, ok := v.(string); ok {
		return strings.Contains(s, "_secret_")
	}
	b, err := json.Marshal(v)
	return err == nil && strings.Contains(string(b), "_secret_")
}
