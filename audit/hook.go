// Package audit records who changed what. Its ent hook writes one AuditLog row per
// changed row, through the mutation's own client, so the record commits or rolls back
// with the change it describes. It is attached to every tenant-owned entity by
// schema.TenantMixin, and to the platform's own entities one by one.
package audit

import (
	"context"
	"fmt"

	"entgo.io/ent"

	"github.com/dakkah/cityos/ent/privacy"
)

// rowReader is what package ent generates for every mutation (ent/template/audit.tmpl).
type rowReader interface {
	AuditRows(ctx context.Context) ([]any, error)
	AuditEdges() []string
}

// Hook returns the audit hook. It adds no read where the change already carries what
// the record needs: a create is recorded from the row it wrote; an update of one row
// from the row it read back, with the old values the mutation holds (free when the
// caller updated an entity it had read, UpdateOne(e); one read by id otherwise). Updates
// of many rows and deletes read the rows once, before the change. A change of ignored
// fields only (see ignored) reads and writes nothing.
func Hook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if _, skip := Unaudited[m.Type()]; skip {
				return next.Mutate(ctx, m)
			}
			rr, ok := m.(rowReader)
			if !ok {
				return nil, fmt.Errorf("audit: %s mutation cannot read its rows", m.Type())
			}
			switch {
			case m.Op().Is(ent.OpCreate):
				return create(ctx, next, m, rr)
			case m.Op().Is(ent.OpUpdateOne):
				return updateOne(ctx, next, m, rr)
			default:
				return many(ctx, next, m, rr)
			}
		})
	}
}

// system is ctx allowed past the privacy policies, for the hook's own reads and writes:
// the caller's right to the change itself was settled by the policy before the hook ran.
func system(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

func create(ctx context.Context, next ent.Mutator, m ent.Mutation, rr rowReader) (ent.Value, error) {
	v, err := next.Mutate(ctx, m)
	if err != nil {
		return nil, err
	}
	row := fieldsOf(v)
	diff := map[string]any{}
	for _, f := range m.Fields() {
		if _, visible := row[f]; !visible { // a Sensitive field: set, never shown
			diff[f] = map[string]any{"after": Redacted}
		}
	}
	for k, a := range row {
		if a != nil && !ignored(m.Type(), k) {
			diff[k] = map[string]any{"after": shown(k, a)}
		}
	}
	edgeChanges(m, rr, diff)
	return v, write(ctx, m, []entry{{action: "create", row: row, diff: diff}})
}

func updateOne(ctx context.Context, next ent.Mutator, m ent.Mutation, rr rowReader) (ent.Value, error) {
	fields := changedFields(m)
	if len(fields) == 0 && !hasEdgeChanges(m, rr) {
		return next.Mutate(ctx, m)
	}
	// The old values are read before the change runs (ent refuses after); one row read
	// by id at most, none when the mutation was made from an entity.
	before := map[string]any{}
	for _, f := range fields {
		if secret(f) {
			continue
		}
		old, err := m.OldField(system(ctx), f)
		if err != nil {
			return nil, err
		}
		before[f] = plain(old)
	}
	v, err := next.Mutate(ctx, m)
	if err != nil {
		return nil, err
	}
	after := fieldsOf(v)
	diff := fieldDiff(fields, before, after)
	edgeChanges(m, rr, diff)
	if len(diff) == 0 {
		return v, nil
	}
	return v, write(ctx, m, []entry{{action: "update", row: after, diff: diff}})
}

// many records an update of many rows or a delete: the rows are read (and, on
// PostgreSQL, locked) before the change, and an update's new values are the mutation's.
func many(ctx context.Context, next ent.Mutator, m ent.Mutation, rr rowReader) (ent.Value, error) {
	del := m.Op().Is(ent.OpDelete | ent.OpDeleteOne)
	fields := changedFields(m)
	if !del && len(fields) == 0 && !hasEdgeChanges(m, rr) {
		return next.Mutate(ctx, m)
	}
	rows, err := rr.AuditRows(system(ctx))
	if err != nil {
		return nil, err
	}
	v, err := next.Mutate(ctx, m)
	if err != nil {
		return nil, err
	}
	entries := make([]entry, 0, len(rows))
	for _, r := range rows {
		before := fieldsOf(r)
		if del {
			diff := map[string]any{}
			for k, b := range before {
				if b != nil && !ignored(m.Type(), k) {
					diff[k] = map[string]any{"before": shown(k, b)}
				}
			}
			entries = append(entries, entry{action: "delete", row: before, diff: diff})
			continue
		}
		after, err := applied(m, before)
		if err != nil {
			return nil, err
		}
		diff := fieldDiff(fields, before, after)
		edgeChanges(m, rr, diff)
		if len(diff) > 0 {
			entries = append(entries, entry{action: "update", row: after, diff: diff})
		}
	}
	return v, write(ctx, m, entries)
}
