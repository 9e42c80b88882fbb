package cart

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/storefront"
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
		q.WithItems(func(q *ent.LineItemQuery) { q.Order(ent.Asc(lineitem.FieldID)) })
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
// Every change of a cart's lines made under its lock raises its revision in the same
// transaction (see save); one made without it (a deleted variant's lines) makes no read
// wait, so the statement reads what a read after the lock would.
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
	if changedWhileLocking(c) { // its lines are read again, after the lock
		items, err := c.QueryItems().Order(ent.Asc(lineitem.FieldID)).All(ctx)
		if err != nil {
			return err
		}
		c.SetItems(items)
		return nil
	}
	v, err := c.Value(itemsColumn)
	if err != nil {
		return err
	}
	raw, err := jsonOf(v)
	if err != nil {
		return err
	}
	var items []*ent.LineItem
	if err := json.Unmarshal(raw, &items); err != nil {
		return fmt.Errorf("cart: line items: %w", err)
	}
	c.SetItems(items)
	return nil
}

// changedWhileLocking tells whether a locked read (withItemsLocked) got the cart as
// committed after the statement began: its lines and shelf are then as of before.
func changedWhileLocking(c *ent.Cart) bool {
	seen, err := c.Value(revisionColumn)
	if err != nil {
		return false // not a locked read
	}
	n, ok := seen.(int64)
	return !ok || n != int64(c.Revision)
}

// shelfColumn is the column a cart read with its shelf carries it in (see withShelf).
const shelfColumn = "shelf_json"

// withShelf makes q read, on PostgreSQL, each cart's shelf (see readShelf) for the
// variants of its lines and the extra ones with it, as JSON arrays of the shelf's rows
// in one more column: the statement readShelf would run after the cart's read. A read
// that waited for the cart's lock reads it again (see shelfRead).
func withShelf(q *ent.CartQuery, dialectName string, extra []int) {
	if dialectName != dialect.Postgres {
		return
	}
	q.Where(func(s *sql.Selector) {
		s.AppendSelectExprAs(sql.ExprFunc(func(b *sql.Builder) {
			b.WriteString(`(SELECT COALESCE(json_agg(json_build_array(` + shelfColumns(s.C("currency_code"), s.C("customer_id")) +
				`) ORDER BY v.id, pr.id), '[]') `)
			// The extra variants are arguments, written where the marker stands. The
			// variants come from a subquery over the lines, not an array: the planner
			// knows how many lines a cart has, and looks the variants up by index.
			const extraHere = "\x00"
			in := fmt.Sprintf("v.id IN (SELECT li.variant_id FROM line_items li WHERE li.cart_id = %s AND li.tenant_id = %s UNION SELECT unnest(ARRAY[%s]::bigint[]))",
				s.C("id"), s.C("tenant_id"), extraHere)
			before, after, _ := strings.Cut(shelfFrom(s.C("store_id"), s.C("currency_code"), s.C("region_id"), in), extraHere)
			b.WriteString(before)
			for i, id := range extra {
				if i > 0 {
					b.WriteString(", ")
				}
				b.Arg(id)
			}
			b.WriteString(after + ")")
		}), shelfColumn)
	})
}

// shelfRead is the shelf read with c (see withShelf) when it holds every variant of
// want; nil when it was not read, the cart changed while its read waited for the cart's
// lock, or a variant of want is not in it. A line's variant always exists (deleting a
// variant deletes its lines), so a variant missing was not asked for: a line added to
// c since its read, which the caller's own read of the shelf then covers (as does an
// extra variant that does not exist, whose read finds it not sold).
func shelfRead(c *ent.Cart, want []int) (*shelf, error) {
	v, err := c.Value(shelfColumn)
	if err != nil {
		return nil, nil // not read with it
	}
	if changedWhileLocking(c) {
		return nil, nil
	}
	raw, err := jsonOf(v)
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var rows [][]any
	if err := d.Decode(&rows); err != nil {
		return nil, fmt.Errorf("cart: shelf: %w", err)
	}
	sh := &shelf{status: storefront.NotFound, variants: map[int]*stock{}}
	for _, row := range rows {
		var r shelfRow
		if err := scanJSON(row, r.dest()); err != nil {
			return nil, fmt.Errorf("cart: shelf: %w", err)
		}
		sh.add(&r, c.CurrencyCode)
	}
	for _, id := range want {
		if sh.variants[id] == nil {
			return nil, nil
		}
	}
	return sh, nil
}

// jsonOf is a JSON column's value as the driver returned it.
func jsonOf(v any) ([]byte, error) {
	switch v := v.(type) {
	case []byte:
		return v, nil
	case string:
		return []byte(v), nil
	}
	return nil, fmt.Errorf("cart: JSON column read as %T", v)
}

// scanJSON scans the values of a JSON array (decoded with UseNumber) into dest, as
// rows.Scan would scan the same columns.
func scanJSON(vals []any, dest []any) error {
	if len(vals) != len(dest) {
		return fmt.Errorf("%d values for %d columns", len(vals), len(dest))
	}
	for i, v := range vals {
		var err error
		switch d := dest[i].(type) {
		case *string:
			*d, _ = v.(string)
		case *sql.NullString:
			err = d.Scan(v)
		case *sql.NullBool:
			err = d.Scan(v)
		case *sql.NullInt64:
			if n, ok := v.(json.Number); ok {
				v, err = n.Int64()
			}
			if err == nil {
				err = d.Scan(v)
			}
		default:
			err = fmt.Errorf("cannot scan into %T", d)
		}
		if err != nil {
			return fmt.Errorf("column %d: %w", i, err)
		}
	}
	return nil
}
