package audit

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"entgo.io/ent"
)

// Redacted stands in a diff for the value of a secret field: the record says the field
// was set or changed, never to what.
const Redacted = "[redacted]"

// secret reports fields whose values never reach the log even when the entity shows
// them: secrets, password and token hashes, tokens (a key's token_prefix is shown: it
// is what identifies a key in a list). Fields marked Sensitive in the schema are
// redacted as well: the entity's JSON form, which the record is read from, omits them.
func secret(field string) bool {
	return strings.Contains(field, "secret") || strings.Contains(field, "password") ||
		strings.HasSuffix(field, "_hash") || field == "token" || strings.HasSuffix(field, "_token")
}

// ignoredFields change as bookkeeping and say nothing a reader of the log needs; a
// change of nothing else writes no row.
var ignoredFields = map[string]bool{
	"id": true, "edges": true, "updated_at": true,
	"version":             true, // the count of changes that raised events (schema.VersionMixin)
	"APIKey.last_used_at": true, // each use of a key
	"Store.order_seq":     true, // the store's order counter, bumped by each checkout
	// Units held for orders: moved by checkout, cancellation and shipping, which the
	// orders' own rows record; stocked_quantity is what staff and shipping change.
	"InventoryLevel.reserved_quantity": true,
	// A sync job's progress, written with each page it sends: its start, end and outcome
	// (status, started_at, finished_at) are recorded, not every page.
	"SyncJob.total": true, "SyncJob.sent": true, "SyncJob.failed": true, "SyncJob.errors": true,
	"SyncJob.cursor_entity": true, "SyncJob.cursor_id": true,
}

func ignored(entityType, field string) bool {
	return ignoredFields[field] || ignoredFields[entityType+"."+field]
}

func shown(field string, v any) any {
	if secret(field) || holdsSecret(v) {
		return Redacted
	}
	return v
}

// holdsSecret spots a payment client secret ("pi_…_secret_…", Stripe's form) in any
// value, a JSON field's included: it is a secret wherever it is kept.
func holdsSecret(v any) bool {
	if s, ok := v.(string); ok {
		return strings.Contains(s, "_secret_")
	}
	if v == nil {
		return false
	}
	b, err := json.Marshal(v)
	return err == nil && strings.Contains(string(b), "_secret_")
}

// fieldsOf is an entity's fields by name, as its JSON form names them (zero values
// included, Sensitive fields absent), pointers followed.
func fieldsOf(v any) map[string]any {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return map[string]any{}
		}
		rv = rv.Elem()
	}
	out := map[string]any{}
	if rv.Kind() != reflect.Struct {
		return out
	}
	rt := rv.Type()
	for i := range rt.NumField() {
		f := rt.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "" || name == "-" {
			continue
		}
		out[name] = plain(rv.Field(i).Interface())
	}
	return out
}

// plain follows a pointer; nil for a nil pointer, map or slice (an unset optional field).
func plain(v any) any {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			return nil
		}
		return rv.Elem().Interface()
	case reflect.Map, reflect.Slice:
		if rv.IsNil() {
			return nil
		}
	}
	return v
}

// changedFields lists the fields m sets, adds to or clears, those skip names left out.
func changedFields(m ent.Mutation, skip func(entityType, field string) bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, fs := range [][]string{m.Fields(), m.AddedFields(), m.ClearedFields()} {
		for _, f := range fs {
			if !seen[f] && !skip(m.Type(), f) {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// fieldDiff is {field: {"before": b, "after": a}} for the fields that differ. A field
// the entity does not show (Sensitive) or a secret one is recorded as changed, redacted.
func fieldDiff(fields []string, before, after map[string]any) map[string]any {
	diff := map[string]any{}
	for _, f := range fields {
		a, visible := after[f]
		if secret(f) || !visible || holdsSecret(a) || holdsSecret(before[f]) {
			diff[f] = map[string]any{"before": Redacted, "after": Redacted}
			continue
		}
		if b := before[f]; !sameJSON(b, a) {
			diff[f] = map[string]any{"before": b, "after": a}
		}
	}
	return diff
}

func sameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// applied is a row as m leaves it: its set fields, its increments added, its cleared
// fields nil.
func applied(m ent.Mutation, before map[string]any) (map[string]any, error) {
	after := make(map[string]any, len(before))
	for k, v := range before {
		after[k] = v
	}
	for _, f := range m.Fields() {
		v, _ := m.Field(f)
		after[f] = plain(v)
	}
	for _, f := range m.AddedFields() {
		d, _ := m.AddedField(f)
		sum, err := add(before[f], d)
		if err != nil {
			return nil, fmt.Errorf("audit: %s.%s: %w", m.Type(), f, err)
		}
		after[f] = sum
	}
	for _, f := range m.ClearedFields() {
		after[f] = nil
	}
	return after, nil
}

// add is a numeric field's value plus an increment, in the field's type.
func add(v, d any) (any, error) {
	rv, rd := reflect.ValueOf(v), reflect.ValueOf(d)
	out := reflect.New(rv.Type()).Elem()
	switch {
	case rv.CanInt() && rd.CanInt():
		out.SetInt(rv.Int() + rd.Int())
	case rv.CanUint() && rd.CanUint():
		out.SetUint(rv.Uint() + rd.Uint())
	case rv.CanFloat() && rd.CanFloat():
		out.SetFloat(rv.Float() + rd.Float())
	default:
		return nil, fmt.Errorf("cannot add %T to %T", d, v)
	}
	return out.Interface(), nil
}

// edgeChanges adds to diff the ids m adds to and removes from the edges no field holds
// (a product's sales channels, say): {"added": [ids], "removed": [ids], "cleared": true}.
func edgeChanges(m ent.Mutation, rr rowReader, diff map[string]any) {
	for _, e := range rr.AuditEdges() {
		ch := map[string]any{}
		if ids := m.AddedIDs(e); len(ids) > 0 {
			ch["added"] = ids
		}
		if ids := m.RemovedIDs(e); len(ids) > 0 {
			ch["removed"] = ids
		}
		if m.EdgeCleared(e) {
			ch["cleared"] = true
		}
		if len(ch) > 0 {
			diff[e] = ch
		}
	}
}

func hasEdgeChanges(m ent.Mutation, rr rowReader) bool {
	probe := map[string]any{}
	edgeChanges(m, rr, probe)
	return len(probe) > 0
}
