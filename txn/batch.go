package txn

import (
	"context"
	"fmt"
	"sync"

	entgo "entgo.io/ent"

	"github.com/dakkah/cityos/ent"
)

// Batch gathers rows a transaction's hooks write about its changes (audit records,
// events) and writes them in one statement just before the transaction commits; a
// rollback drops them. Rows written beside each change would cost a statement each; a
// checkout changes several rows.
type Batch[T any] struct {
	// Write writes the rows of one transaction through tx, before it commits. Should it
	// fail, the transaction rolls back: a change never commits without its rows.
	Write func(ctx context.Context, tx *ent.Tx, rows []T) error
	// Fold, when set, may fold a row into one held already (and report it did).
	Fold func(held []T, row T) bool

	open sync.Map // the transaction's key (a mutation's TxKey) → *held[T]
}

type held[T any] struct {
	mu   sync.Mutex
	rows []T
}

// Add holds rows until the commit of the transaction m runs in, and reports false
// when m runs in none (the caller writes them at once).
func (b *Batch[T]) Add(m entgo.Mutation, rows ...T) (bool, error) {
	k, ok := m.(interface{ TxKey() any })
	if !ok || k.TxKey() == nil {
		return false, nil
	}
	key := k.TxKey()
	h := &held[T]{}
	if got, loaded := b.open.LoadOrStore(key, h); loaded {
		got.(*held[T]).add(b.Fold, rows)
		return true, nil
	}
	h.add(b.Fold, rows)
	t, ok := m.(interface{ Tx() (*ent.Tx, error) })
	if !ok {
		b.open.Delete(key)
		return false, fmt.Errorf("txn: %s mutation cannot reach its transaction", m.Type())
	}
	tx, err := t.Tx()
	if err != nil {
		b.open.Delete(key)
		return false, err
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			v, _ := b.open.LoadAndDelete(key)
			if err := v.(*held[T]).write(ctx, tx, b.Write); err != nil {
				_ = tx.Rollback()
				return err
			}
			return next.Commit(ctx, tx)
		})
	})
	tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
		return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
			b.open.Delete(key)
			return next.Rollback(ctx, tx)
		})
	})
	return true, nil
}

func (h *held[T]) add(fold func([]T, T) bool, rows []T) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, r := range rows {
		if fold == nil || !fold(h.rows, r) {
			h.rows = append(h.rows, r)
		}
	}
}

func (h *held[T]) write(ctx context.Context, tx *ent.Tx, write func(context.Context, *ent.Tx, []T) error) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.rows) == 0 {
		return nil
	}
	return write(ctx, tx, h.rows)
}
