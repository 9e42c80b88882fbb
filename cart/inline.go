package cart

import (
	"context"
	"encoding/json"
	"fmt"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/txn"
)

// itemsColumn is the column a cart read with its line items carries them in, and
// revisionColumn the revision the lines were read at (see withItemsLocked).
const (
	itemsColumn    = "line_items_json"
	revisionColumn = "line_items_revision"
)

// withItems makes q read each cart's line items with it, in id order: on PostgreSQL in
// the same statement, as JSON of their rows in one more column (see adoptItems), where
// eager loading takes a second. It reads what eager loading would: a line item is
// visible exactly when its cart is (access.CartPartPolicy), and the cart's own policy
// filters q. One statement also reads cart and lines from one snapshot.
func withItems(q *ent.CartQuery, dialectName string) {
	if dialectName != dialect.Postgres {
		q.WithItems(func(q *ent.LineItemQuery) { q.Order(ent.Asc("id")) })
		return
	}
	q.Where(func(s *sql.Selector) {
		s.AppendSelectExprAs(sql.Expr(fmt.Sprintf(
			`(SELECT COALESCE(json_agg(li ORDER BY li.id), '[]') FROM line_items li WHERE li.cart_id = %s AND li.tenant_id = %s)`,
			s.C("id"), s.C("tenant_id"))), itemsColumn)
	})
}

// withItemsLocked is withItems for a read that locks the cart (FOR UPDATE on
// PostgreSQL). A lock waited for hands back the cart as the holder committed it, while
// the lines stay as of the statement's start; the statement also reads the cart's
// revision as of its start, and adoptItems reads the lines again when the two differ.
// Every change of a cart's lines raises its revision in the same transaction (see save).
func withItemsLocked(q *ent.CartQuery, dialectName string) {
	q.Where(txn.LockedOnPostgres)
	withItems(q, dialectName)
	if dialectName == dialect.Postgres {
		q.Where(func(s *sql.Selector) {
			s.AppendSelectExprAs(sql.Expr(fmt.Sprintf(`(SELECT seen.revision FROM carts seen WHERE seen.id = %s)`,
				s.C("id"))), revisionColumn)
		})
	}
}

// adoptItems gives a cart read with withItems or withItemsLocked its line items.
func adoptItems(ctx context.Context, c *ent.Cart, dialectName string) error {
	if dialectName != dialect.Postgres {
		return nil
	}
	if seen, err := c.Value(revisionColumn); err == nil && !sameRevision(seen, c.Revision) {
		// Changed while this read waited for its lock: its lines are read again, after it.
		items, err := c.QueryItems().Order(ent.Asc("id")).All(ctx)
		if err != nil {
			return err
		}
		c.Edges.Items = items
		return nil
	}
	v, err := c.Value(itemsColumn)
	if err != nil {
		return err
	}
	var raw []byte
	switch v := v.(type) {
	case []byte:
		raw = v
	case string:
		raw = []byte(v)
	default:
		return fmt.Errorf("cart: line items read as %T", v)
	}
	var items []*ent.LineItem
	if err := json.Unmarshal(raw, &items); err != nil {
		return fmt.Errorf("cart: line items: %w", err)
	}
	c.SetItems(items)
	return nil
}

// sameRevision tells whether the revision a locked read saw at its start is the one it
// locked.
func sameRevision(seen any, locked int) bool {
	n, ok := seen.(int64)
	return ok && n == int64(locked)
}
