// Package audit records who changed what. Its ent hook writes one AuditLog row per
// changed row, through the mutation's own client, so the record commits or rolls back
// with the change it describes.
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"entgo.io/ent"

	gen "github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/reqid"
	"github.com/dakkah/cityos/viewer"
)

// ignored fields change on every write and say nothing about it.
var ignored = map[string]bool{"updated_at": true, "last_used_at": true, "order_seq": true, "edges": true}

// Hook returns the audit hook for an entity type. Sensitive fields (password and token
// hashes, verification tokens) never reach the log: they are excluded from the entities'
// JSON form, which is what the diff is made from.
func Hook() ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			client := m.(interface{ Client() *gen.Client }).Client()
			sys := privacy.DecisionContext(ctx, privacy.Allow)
			ids, err := targetIDs(sys, m)
			if err != nil {
				return nil, err
			}
			before := map[int]map[string]any{}
			for _, id := range ids {
				row, err := load(sys, client, m.Type(), id)
				if err != nil {
					return nil, err
				}
				before[id] = row
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return nil, err
			}
			if m.Op().Is(ent.OpCreate) {
				after, err := toMap(v)
				if err != nil {
					return nil, err
				}
				return v, write(sys, ctx, client, m.Type(), "create", nil, after)
			}
			action := "update"
			if m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
				action = "delete"
			}
			for _, id := range ids {
				var after map[string]any
				if action == "update" {
					if after, err = load(sys, client, m.Type(), id); err != nil {
						return nil, err
					}
				}
				if err := write(sys, ctx, client, m.Type(), action, before[id], after); err != nil {
					return nil, err
				}
			}
			return v, nil
		})
	}
}

// targetIDs lists the rows an update or delete will touch, resolved with the caller's
// predicates (privacy filters included) before the change runs.
func targetIDs(ctx context.Context, m ent.Mutation) ([]int, error) {
	if m.Op().Is(ent.OpCreate) {
		return nil, nil
	}
	if idm, ok := m.(interface{ ID() (int, bool) }); ok {
		if id, ok := idm.ID(); ok {
			return []int{id}, nil
		}
	}
	lister, ok := m.(interface {
		IDs(context.Context) ([]int, error)
	})
	if !ok {
		return nil, fmt.Errorf("audit: %s mutation cannot list its rows", m.Type())
	}
	return lister.IDs(ctx)
}

func write(sys, reqCtx context.Context, c *gen.Client, entityType, action string, before, after map[string]any) error {
	diff := Diff(before, after)
	if action == "update" && len(diff) == 0 {
		return nil // bookkeeping only (e.g. a key's last use): nothing a reader needs
	}
	row := after
	if row == nil {
		row = before
	}
	id := intOf(row["id"])
	cr := c.AuditLog.Create().
		SetActor(viewer.FromContext(reqCtx).Actor()).
		SetAction(action).
		SetEntityType(entityType).
		SetEntityID(id).
		SetDiff(diff).
		SetRequestID(reqid.From(reqCtx))
	tenantID, storeID := scopeOf(entityType, id, row)
	if tenantID != 0 {
		cr.SetTenantID(tenantID)
	}
	if storeID != 0 {
		cr.SetStoreID(storeID)
	}
	return cr.Exec(sys)
}

// scopeOf finds the tenant and store a row belongs to, so scoped readers see its log.
func scopeOf(entityType string, id int, row map[string]any) (tenantID, storeID int) {
	tenantID, storeID = intOf(row["tenant_id"]), intOf(row["store_id"])
	switch entityType {
	case "Tenant":
		tenantID = id
	case "Store":
		storeID = id
	}
	return tenantID, storeID
}

// Diff returns {field: {"before": x, "after": y}} for every field that differs.
func Diff(before, after map[string]any) map[string]any {
	out := map[string]any{}
	for k, b := range before {
		if ignored[k] {
			continue
		}
		a, ok := after[k]
		if after != nil && ok && reflect.DeepEqual(a, b) {
			continue
		}
		ch := map[string]any{"before": b}
		if after != nil {
			ch["after"] = a
		}
		out[k] = ch
	}
	for k, a := range after {
		if _, seen := before[k]; seen || ignored[k] {
			continue
		}
		out[k] = map[string]any{"after": a}
	}
	return out
}

func toMap(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	return out, json.Unmarshal(b, &out)
}

func intOf(v any) int {
	if f, ok := v.(float64); ok {
		return int(f)
	}
	return 0
}
