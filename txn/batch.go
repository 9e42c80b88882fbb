package txn

import (
	"context"
	"fmt"
	"sync"

	entgo "entgo.io/ent"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
)

// Batch gathers rows a transaction's hooks write about its changes (audit records,
// events) and writes them just before the transaction commits; a rollback drops them.
// Rows written beside each change would cost a statement each; a checkout changes
// several rows. Every batch of a transaction is written at once: on PostgreSQL in one
// statement (each INSERT a data-modifying CTE of the next), elsewhere one INSERT each.
type Batch[T any] struct {
	// Insert builds the INSERT of rows in the database's dialect. It is the only way the
	// rows are written, in a transaction or not, so both write alike.
	Insert func(b *entsql.DialectBuilder, rows []T) (*entsql.InsertBuilder, error)
	// Fold, when set, may fold a row into one held already (and report it did).
	Fold func(held []T, row T) bool
}

// Add holds rows until the commit of the transaction m runs in, and reports false
// when m runs in none (the caller writes them at once, with Write).
func (b *Batch[T]) Add(m entgo.Mutation, rows ...T) (bool, error) {
	k, ok := m.(interface{ TxKey() any })
	if !ok || k.TxKey() == nil {
		return false, nil
	}
	g, err := groupOf(m, k.TxKey())
	if err != nil {
		return false, err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	h := b.heldIn(g)
	for _, r := range rows {
		if b.Fold == nil || !b.Fold(h.rows, r) {
			h.rows = append(h.rows, r)
		}
	}
	return true, nil
}

// NullID is an id as a column value of a batch's INSERT: NULL for 0 (no tenant, no
// store), as ent writes an unset optional id.
func NullID(id int) any {
	if id == 0 {
		return nil
	}
	return id
}

// Write writes rows at once through client, outside any transaction.
func (b *Batch[T]) Write(ctx context.Context, client *ent.Client, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	ins, err := b.Insert(entsql.Dialect(client.Dialect()), rows)
	if err != nil {
		return err
	}
	query, args := ins.Query()
	_, err = client.ExecContext(ctx, query, args...)
	return err
}

// heldIn returns this batch's rows in g, joining g the first time. g.mu is held.
func (b *Batch[T]) heldIn(g *group) *held[T] {
	for _, p := range g.parts {
		if h, ok := p.(*held[T]); ok && h.batch == b {
			return h
		}
	}
	h := &held[T]{batch: b}
	g.parts = append(g.parts, h)
	return h
}

// held is one batch's rows in one transaction.
type held[T any] struct {
	batch *Batch[T]
	rows  []T
}

func (h *held[T]) insert(b *entsql.DialectBuilder) (*entsql.InsertBuilder, error) {
	if len(h.rows) == 0 {
		return nil, nil
	}
	return h.batch.Insert(b, h.rows)
}

// part is a batch's rows in a group, whatever their type.
type part interface {
	insert(b *entsql.DialectBuilder) (*entsql.InsertBuilder, error)
}

// group is what the batches hold for one transaction, in the order they joined it.
type group struct {
	mu    sync.Mutex
	parts []part
}

// groups maps a transaction's key (a mutation's TxKey) to its group.
var groups sync.Map

// groupOf returns the group of the transaction m runs in, the first batch to join it
// hooking the group's write onto the commit and its end onto the rollback.
func groupOf(m entgo.Mutation, key any) (*group, error) {
	g := &group{}
	if got, loaded := groups.LoadOrStore(key, g); loaded {
		return got.(*group), nil
	}
	t, ok := m.(interface{ Tx() (*ent.Tx, error) })
	if !ok {
		groups.Delete(key)
		return nil, fmt.Errorf("txn: %s mutation cannot reach its transaction", m.Type())
	}
	tx, err := t.Tx()
	if err != nil {
		groups.Delete(key)
		return nil, err
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			groups.Delete(key)
			if err := g.write(ctx, tx); err != nil {
				_ = tx.Rollback()
				return err
			}
			return next.Commit(ctx, tx)
		})
	})
	tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
		return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
			groups.Delete(key)
			return next.Rollback(ctx, tx)
		})
	})
	return g, nil
}

// write writes every batch's rows through tx. Should it fail, the caller rolls back: a
// change never commits without its rows.
func (g *group) write(ctx context.Context, tx *ent.Tx) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	b := entsql.Dialect(tx.Dialect())
	var inserts []*entsql.InsertBuilder
	for _, p := range g.parts {
		ins, err := p.insert(b)
		if err != nil {
			return err
		}
		if ins != nil {
			inserts = append(inserts, ins)
		}
	}
	for _, q := range statements(tx.Dialect(), inserts) {
		query, args := q.Query()
		if _, err := tx.ExecContext(ctx, query, args...); err != nil {
			return fmt.Errorf("txn: write a transaction's records: %w", err)
		}
	}
	return nil
}

// statements are the statements that run inserts: on PostgreSQL one, each INSERT but
// the last a data-modifying CTE (they write different tables, and none reads another's
// rows), elsewhere one each.
func statements(dialectName string, inserts []*entsql.InsertBuilder) []entsql.Querier {
	if dialectName != dialect.Postgres || len(inserts) < 2 {
		out := make([]entsql.Querier, len(inserts))
		for i, ins := range inserts {
			out[i] = ins
		}
		return out
	}
	var q entsql.Builder
	q.SetDialect(dialectName)
	q.WriteString("WITH ")
	for i, ins := range inserts[:len(inserts)-1] {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(fmt.Sprintf("records_%d AS (", i)).Join(ins).WriteString(")")
	}
	q.WriteString(" ").Join(inserts[len(inserts)-1])
	return []entsql.Querier{&q}
}
