package audit

import (
	"context"

	"entgo.io/ent"

	gen "github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/reqid"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// entry is one row's record: what happened to it, the row (before a delete, after
// anything else) and what changed (the diff of an audit row, the old values of an
// event).
type entry struct {
	action string
	row    map[string]any
	diff   map[string]any
	before map[string]any // an event's old values of the fields its update changed
}

// write inserts the records of one mutation through the mutation's client: in its
// transaction, held and written with the transaction's other records in one statement
// just before it commits (see txn.Batch); outside one, at once, in one statement. A change made outside any request (a
// worker, a scheduled check) has no request id: the column is left null.
func write(ctx context.Context, m ent.Mutation, entries []entry) error {
	if len(entries) == 0 {
		return nil
	}
	client := m.(interface{ Client() *gen.Client }).Client()
	actor := viewer.FromContext(ctx).Actor()
	var requestID *string
	if id := reqid.From(ctx); id != "" {
		requestID = &id
	}
	builders := make([]*gen.AuditLogCreate, len(entries))
	for i, e := range entries {
		id := intOf(e.row["id"])
		b := client.AuditLog.Create().
			SetActor(actor).SetAction(e.action).SetEntityType(m.Type()).SetEntityID(id).
			SetDiff(e.diff).SetNillableRequestID(requestID)
		tenantID, storeID := scopeOf(m.Type(), id, e.row)
		if tenantID != 0 {
			b.SetTenantID(tenantID)
		}
		if storeID != 0 {
			b.SetStoreID(storeID)
		}
		builders[i] = b
	}
	if held, err := batch.Add(m, builders...); held || err != nil {
		return err
	}
	return insert(ctx, client, builders)
}

// batch holds a transaction's records until it commits: one INSERT for all of them.
var batch = txn.Batch[*gen.AuditLogCreate]{
	Write: func(ctx context.Context, tx *gen.Tx, rows []*gen.AuditLogCreate) error {
		return insert(ctx, tx.Client(), rows)
	},
}

func insert(ctx context.Context, client *gen.Client, builders []*gen.AuditLogCreate) error {
	if len(builders) == 1 {
		return builders[0].Exec(system(ctx))
	}
	return client.AuditLog.CreateBulk(builders...).Exec(system(ctx))
}

// scopeOf finds the tenant and store a row belongs to, so scoped readers see its log: a
// customer account belongs to its realm's tenant; staff accounts are the platform's.
func scopeOf(entityType string, id int, row map[string]any) (tenantID, storeID int) {
	tenantID, storeID = intOf(row["tenant_id"]), intOf(row["store_id"])
	switch entityType {
	case "Tenant":
		tenantID = id
	case "Store":
		storeID = id
	case "User":
		tenantID = intOf(row["realm"])
	}
	return tenantID, storeID
}

func intOf(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	}
	return 0
}
