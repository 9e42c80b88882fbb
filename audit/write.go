package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	gen "github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
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

// write records the changes of one mutation: in its transaction, held and written with
// the transaction's other records just before it commits (see txn.Batch); outside one,
// at once, in one statement. A change made outside any request (a worker, a scheduled
// check) has no request id: the column is left null.
func write(ctx context.Context, m ent.Mutation, entries []entry) error {
	if len(entries) == 0 {
		return nil
	}
	r := record{actor: viewer.FromContext(ctx).Actor(), entityType: m.Type(), at: time.Now()}
	if id := reqid.From(ctx); id != "" {
		r.requestID = &id
	}
	records := make([]record, len(entries))
	for i, e := range entries {
		records[i] = r
		records[i].action, records[i].entityID, records[i].diff = e.action, intOf(e.row["id"]), e.diff
		records[i].tenantID, records[i].storeID = scopeOf(m.Type(), records[i].entityID, e.row)
	}
	if held, err := batch.Add(m, records...); held || err != nil {
		return err
	}
	return batch.Write(ctx, m.(interface{ Client() *gen.Client }).Client(), records)
}

// record is one audit_logs row.
type record struct {
	tenantID, storeID int // 0: none
	actor, action     string
	entityType        string
	entityID          int
	diff              map[string]any
	requestID         *string
	at                time.Time
}

// batch holds a transaction's records until it commits: one INSERT for all of them.
var batch = txn.Batch[record]{Insert: insert}

// insert is the INSERT of records, written as ent writes an AuditLog (the diff as JSON;
// no tenant or store as NULL).
func insert(b *sql.DialectBuilder, records []record) (*sql.InsertBuilder, error) {
	ins := b.Insert(auditlog.Table).Columns(auditlog.FieldTenantID, auditlog.FieldStoreID, auditlog.FieldActor,
		auditlog.FieldAction, auditlog.FieldEntityType, auditlog.FieldEntityID, auditlog.FieldDiff,
		auditlog.FieldRequestID, auditlog.FieldCreatedAt)
	for _, r := range records {
		diff, err := json.Marshal(r.diff)
		if err != nil {
			return nil, fmt.Errorf("audit: diff of %s %d: %w", r.entityType, r.entityID, err)
		}
		ins.Values(txn.NullID(r.tenantID), txn.NullID(r.storeID), r.actor, r.action, r.entityType, r.entityID,
			diff, r.requestID, r.at)
	}
	return ins, nil
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
