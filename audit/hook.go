// Package audit records who changed what. Its ent hook writes one AuditLog row per
// changed row, through the mutation's own client, so the record commits or rolls back
// with the change it describes. It is attached to every tenant-owned entity by
// schema.TenantMixin, and to the platform's own entities one by one. The same hook,
// from the same read of each change, raises the change's event (outbox.Raise): one
// mechanism for both records, so neither can miss a change the other sees.
package audit

import (
	"context"
	"fmt"

	"entgo.io/ent"

	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/outbox"
)

// rowReader is what package ent generates for every mutation (ent/template/audit.tmpl).
type rowReader interface {
	AuditRows(ctx context.Context) ([]any, error)
	AuditEdges() []string
}

// Hook returns the hook that records every change twice over, from one read: in the
// audit log, and as the events of package outbox (outbox.Raise). It adds no read where
// the change already carries what the records need: a create is recorded from the row
// it wrote; an update of one row from the row it read back, with the old values the
// mutation holds (free when the caller updated an entity it had read, UpdateOne(e); one
// read by id otherwise). Updates of many rows and deletes read the rows once, before
// the change. A change of ignored fields only (see ignored) reads and writes nothing.
// A change that raises an event adds one to the row's version (schema.VersionMixin),
// in the change's own statement: the event's sequence.
func Hook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			_, unaudited := Unaudited[m.Type()]
			r := recorder{m: m, audited: !unaudited, evented: outbox.Raises(m.Type())}
			if !r.audited && !r.evented {
				return next.Mutate(ctx, m)
			}
			rr, ok := m.(rowReader)
			if !ok {
				return nil, fmt.Errorf("audit: %s mutation cannot read its rows", m.Type())
			}
			r.rr = rr
			switch {
			case m.Op().Is(ent.OpCreate):
				return r.create(ctx, next)
			case m.Op().Is(ent.OpUpdateOne):
				return r.updateOne(ctx, next)
			default:
				return r.many(ctx, next)
			}
		})
	}
}

// system is ctx allowed past the privacy policies, for the hook's own reads and writes:
// the caller's right to the change itself was settled by the policy before the hook ran.
func system(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// recorder is the hook at work on one mutation: audited and evented say which records
// its type keeps; auditing and eventing, once the change is known, which it writes.
type recorder struct {
	m                     ent.Mutation
	rr                    rowReader
	audited, evented      bool
	auditing, eventing    bool
	auditFields, evFields []string
}

// plan decides what m's change records: an audit row when it changes a field the log
// keeps (or an edge, or deletes), an event when it changes a field events carry. A
// change that raises an event counts in the row's version.
func (r *recorder) plan(del bool) (bool, error) {
	edges := hasEdgeChanges(r.m, r.rr)
	if r.audited {
		r.auditFields = changedFields(r.m, ignored)
		r.auditing = del || edges || len(r.auditFields) > 0
	}
	if r.evented {
		r.evFields = changedFields(r.m, eventIgnored)
		r.eventing = del || edges || len(r.evFields) > 0
	}
	if r.eventing && !del {
		if err := r.m.AddField("version", int64(1)); err != nil {
			return false, fmt.Errorf("audit: %s raises events and needs schema.VersionMixin: %w", r.m.Type(), err)
		}
	}
	return r.auditing || r.eventing, nil
}

func (r *recorder) create(ctx context.Context, next ent.Mutator) (ent.Value, error) {
	v, err := next.Mutate(ctx, r.m)
	if err != nil {
		return nil, err
	}
	row := fieldsOf(v)
	if r.audited {
		diff := map[string]any{}
		for _, f := range r.m.Fields() {
			if _, visible := row[f]; !visible { // a Sensitive field: set, never shown
				diff[f] = map[string]any{"after": Redacted}
			}
		}
		for k, a := range row {
			if a != nil && !ignored(r.m.Type(), k) {
				diff[k] = map[string]any{"after": shown(k, a)}
			}
		}
		edgeChanges(r.m, r.rr, diff)
		if err := write(ctx, r.m, []entry{{action: "create", row: row, diff: diff}}); err != nil {
			return nil, err
		}
	}
	r.eventing = r.evented
	return v, r.raise(ctx, entry{action: "create", row: row})
}

func (r *recorder) updateOne(ctx context.Context, next ent.Mutator) (ent.Value, error) {
	if ok, err := r.plan(false); !ok || err != nil {
		if err != nil {
			return nil, err
		}
		return next.Mutate(ctx, r.m)
	}
	// The old values are read before the change runs (ent refuses after); one row read
	// by id at most, none when the mutation was made from an entity.
	before := map[string]any{}
	for _, fs := range [][]string{r.auditFields, r.evFields} {
		for _, f := range fs {
			if _, done := before[f]; done || secret(f) {
				continue
			}
			old, err := r.m.OldField(system(ctx), f)
			if err != nil {
				return nil, err
			}
			before[f] = plain(old)
		}
	}
	v, err := next.Mutate(ctx, r.m)
	if err != nil {
		return nil, err
	}
	after := fieldsOf(v)
	if e, ok := r.auditEntry("update", before, after); ok {
		if err := write(ctx, r.m, []entry{e}); err != nil {
			return nil, err
		}
	}
	if e, ok := r.eventEntry(before, after); ok {
		return v, r.raise(ctx, e)
	}
	return v, nil
}

// many records an update of many rows or a delete: the rows are read (and, on
// PostgreSQL, locked) before the change, and an update's new values are the mutation's.
func (r *recorder) many(ctx context.Context, next ent.Mutator) (ent.Value, error) {
	del := r.m.Op().Is(ent.OpDelete | ent.OpDeleteOne)
	if ok, err := r.plan(del); !ok || err != nil {
		if err != nil {
			return nil, err
		}
		return next.Mutate(ctx, r.m)
	}
	rows, err := r.rr.AuditRows(system(ctx))
	if err != nil {
		return nil, err
	}
	v, err := next.Mutate(ctx, r.m)
	if err != nil {
		return nil, err
	}
	var audits, events []entry
	for _, row := range rows {
		before := fieldsOf(row)
		if del {
			diff := map[string]any{}
			for k, b := range before {
				if b != nil && !ignored(r.m.Type(), k) {
					diff[k] = map[string]any{"before": shown(k, b)}
				}
			}
			audits = append(audits, entry{action: "delete", row: before, diff: diff})
			events = append(events, entry{action: "delete", row: before})
			continue
		}
		after, err := applied(r.m, before)
		if err != nil {
			return nil, err
		}
		if e, ok := r.auditEntry("update", before, after); ok {
			audits = append(audits, e)
		}
		if e, ok := r.eventEntry(before, after); ok {
			events = append(events, e)
		}
	}
	if r.auditing {
		if err := write(ctx, r.m, audits); err != nil {
			return nil, err
		}
	}
	return v, r.raise(ctx, events...)
}

// auditEntry is an update's audit record, if the change shows in the log.
func (r *recorder) auditEntry(action string, before, after map[string]any) (entry, bool) {
	if !r.auditing {
		return entry{}, false
	}
	diff := fieldDiff(r.auditFields, before, after)
	edgeChanges(r.m, r.rr, diff)
	return entry{action: action, row: after, diff: diff}, len(diff) > 0
}

// eventEntry is an update's event, if the change shows in it.
func (r *recorder) eventEntry(before, after map[string]any) (entry, bool) {
	if !r.eventing {
		return entry{}, false
	}
	diff := fieldDiff(r.evFields, before, after)
	edgeChanges(r.m, r.rr, diff)
	return entry{action: "update", row: after, before: before}, len(diff) > 0
}
