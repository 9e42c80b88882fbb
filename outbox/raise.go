package outbox

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	entgo "entgo.io/ent"
	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/txn"
)

// Change is one row's change as the audit hook saw it: the hook reads each changed row
// once (see package audit) and hands the change both to the audit log and here, so an
// event costs no read of its own.
type Change struct {
	Type   string // the entity type, "Order"
	Action string // ActionCreate, ActionUpdate or ActionDelete
	ID     int
	// TenantID and StoreID are the row's scope (a tenant's own id, a store's own id).
	TenantID, StoreID int
	// Row is the row after the change (before it, for a delete), without secrets: the
	// hook leaves out Sensitive fields, secret, password, hash and token fields, and any
	// value holding a payment client secret.
	Row map[string]any
	// Before holds an update's old values of the fields it changed.
	Before map[string]any
}

// Sequence is the change's number among its row's changes: the row's version after it
// (one more than the last for a delete). See schema.VersionMixin.
func (c Change) Sequence() int64 {
	v, _ := c.Row["version"].(int64)
	if c.Action == ActionDelete {
		v++
	}
	return v
}

// Raise records the events of changes made by m: in m's transaction, held and written
// in one statement just before it commits (nothing, should it roll back; see batch);
// outside a transaction, at once, next to the change it follows. Rows of no tenant
// (staff accounts) raise nothing: every event is some tenant's.
func Raise(ctx context.Context, m entgo.Mutation, changes []Change) error {
	origin, hasOrigin := OriginFrom(ctx)
	now := time.Now()
	events := make([]*row, 0, len(changes))
	for _, c := range changes {
		if c.TenantID == 0 {
			continue
		}
		r := &row{topic: Topic(c), tenantID: c.TenantID, storeID: c.StoreID, aggregate: Aggregates[c.Type],
			aggregateID: c.ID, sequence: c.Sequence(), payload: c.Row, at: now}
		if hasOrigin {
			r.origin = &origin
		}
		events = append(events, r)
	}
	if len(events) == 0 {
		return nil
	}
	if held, err := batch.Add(m, events...); held || err != nil {
		return err
	}
	client, ok := m.(interface{ Client() *ent.Client })
	if !ok {
		return fmt.Errorf("outbox: %s mutation has no client", m.Type())
	}
	if err := batch.Write(ctx, client.Client(), events); err != nil {
		return fmt.Errorf("outbox: write events: %w", err)
	}
	return nil
}

// batch holds a transaction's events until it commits: one INSERT for all of them.
var batch = txn.Batch[*row]{Insert: insert, Fold: fold}

// fold folds a plain update into the same aggregate's earlier event of the
// transaction: checkout creates an order and then records its authorisation, and
// consumers hear one order.placed with the order as it committed (and its sequence).
func fold(held []*row, e *row) bool {
	if !generic(e.topic) {
		return false
	}
	for i := len(held) - 1; i >= 0; i-- {
		if p := held[i]; p.aggregate == e.aggregate && p.aggregateID == e.aggregateID {
			p.payload, p.sequence = e.payload, e.sequence
			return true
		}
	}
	return false
}

// row is an event waiting to be written.
type row struct {
	topic             string
	tenantID, storeID int
	aggregate         string
	aggregateID       int
	sequence          int64
	payload           map[string]any
	origin            *int
	at                time.Time
}

// insert is the INSERT of events, written as ent writes an OutboxEvent (the payload as
// JSON; no store or origin as NULL; unpublished).
func insert(b *sql.DialectBuilder, events []*row) (*sql.InsertBuilder, error) {
	ins := b.Insert(outboxevent.Table).Columns(outboxevent.FieldCreatedAt, outboxevent.FieldUpdatedAt,
		outboxevent.FieldTenantID, outboxevent.FieldStoreID, outboxevent.FieldTopic, outboxevent.FieldAggregateType,
		outboxevent.FieldAggregateID, outboxevent.FieldSequence, outboxevent.FieldPayload, outboxevent.FieldOriginEndpointID)
	for _, e := range events {
		payload, err := json.Marshal(e.payload)
		if err != nil {
			return nil, fmt.Errorf("outbox: payload of %s %d: %w", e.aggregate, e.aggregateID, err)
		}
		ins.Values(e.at, e.at, e.tenantID, txn.NullID(e.storeID), e.topic, e.aggregate, e.aggregateID, e.sequence, payload, e.origin)
	}
	return ins, nil
}
