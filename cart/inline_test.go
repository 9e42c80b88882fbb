package cart_test

import (
	"context"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/cart"
	ct "github.com/dakkah/cityos/checkout/checkouttest"
	"github.com/dakkah/cityos/ent"
	entcart "github.com/dakkah/cityos/ent/cart"
	"github.com/dakkah/cityos/ent/lineitem"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/txn"
)

// TestLoadReadsTheLinesEagerLoadingWould: a cart loaded with its line items (on
// PostgreSQL in one statement, see cart/inline.go) has the lines eager loading reads, in
// id order, field for field, and they reach the database through the client as loaded
// ones do. A shopper of another store or another tenant gets neither cart nor lines.
func TestLoadReadsTheLinesEagerLoadingWould(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := cart.New(db.Client, nil)
		full := ct.Build(t, c, ct.Cart{Items: []ct.Item{ct.Of("abaya", 2), ct.Of("thobe", 1)}})
		empty := ct.Build(t, c, ct.Cart{Without: "items"})
		shopper := ct.Shopper(c.StoreA1)

		for _, built := range []*ent.Cart{full, empty} {
			want, err := db.Client.Cart.Query().Where(entcart.ID(built.ID)).
				WithItems(func(q *ent.LineItemQuery) { q.Order(ent.Asc(lineitem.FieldID)) }).Only(ct.Sys())
			require.NoError(t, err)
			got, err := svc.Load(shopper, built.Token)
			require.NoError(t, err)
			items, err := got.Edges.ItemsOrErr()
			require.NoError(t, err, "the lines are loaded")
			require.Len(t, items, len(want.Edges.Items))
			for i, w := range want.Edges.Items {
				g := items[i]
				assert.Equal(t, []any{w.ID, w.TenantID, w.CartID, w.VariantID, w.Title, w.Sku, w.Quantity, w.UnitPrice},
					[]any{g.ID, g.TenantID, g.CartID, g.VariantID, g.Title, g.Sku, g.Quantity, g.UnitPrice})
				assert.True(t, w.CreatedAt.Equal(g.CreatedAt), "%v, %v", w.CreatedAt, g.CreatedAt)
				assert.True(t, w.UpdatedAt.Equal(g.UpdatedAt), "%v, %v", w.UpdatedAt, g.UpdatedAt)
				v, err := g.QueryVariant().Only(ct.Sys())
				require.NoError(t, err, "a line reaches the database through the cart's client")
				assert.Equal(t, w.VariantID, v.ID)
			}
		}

		for name, ctx := range map[string]context.Context{"another store": ct.Shopper(c.StoreA2), "another tenant": ct.Shopper(c.StoreB1)} {
			got, err := svc.Load(ctx, full.Token)
			assert.Nil(t, got, name)
			assert.Equal(t, apperr.NotFound, apperr.CodeOf(err), "%s: %v", name, err)
		}
	})
}

// TestLockedReadSeesLinesCommittedWhileItWaited: a change of a cart waits for the lock
// another transaction holds on it, and that transaction raises a line's quantity and
// commits. The waiting change then adds to the committed quantity, not to the one its
// statement started with (on PostgreSQL the cart and its lines are read in one locked
// statement, and the lines read again when the cart changed while it waited). SQLite
// runs one writing transaction at a time, so no read waits there; the change is checked
// on both. The holder also adds a line, whose variant the waiting change must know.
func TestLockedReadSeesLinesCommittedWhileItWaited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		built := ct.Build(t, c, ct.Cart{Items: []ct.Item{ct.Of("thobe", 1)}})
		ctx := ct.Sys()
		line := built.QueryItems().OnlyX(ctx)

		add := func() *testenv.Response {
			return c.API.Do(t, ct.Guest(c, c.StoreA1), `mutation($c: ID!, $v: ID!) { addLineItem(cartId: $c, variantId: $v, quantity: 1) { items { sku quantity } } }`,
				map[string]any{"c": ct.ID(built.Token), "v": ct.ID(c.Variants["thobe"].ID)})
		}
		abaya := c.Variants["abaya"]
		raise := func(tx *ent.Tx) {
			tx.Cart.Query().Where(entcart.ID(built.ID), txn.LockedOnPostgres).OnlyX(ctx)
			tx.LineItem.UpdateOneID(line.ID).SetQuantity(2).ExecX(ctx)
			tx.LineItem.Create().SetTenantID(built.TenantID).SetCartID(built.ID).SetVariantID(abaya.ID).
				SetTitle(c.Products["abaya"].Title).SetSku(abaya.Sku).SetQuantity(1).SetUnitPrice(40000).ExecX(ctx)
			tx.Cart.UpdateOneID(built.ID).AddRevision(1).ExecX(ctx)
		}
		// The waiting change also reads the shelf of the line the holder added (a shelf
		// without it would take the line for one no longer sold, and remove it).
		want := `{"addLineItem": {"items": [{"sku": "SKU-thobe", "quantity": 3}, {"sku": "SKU-abaya", "quantity": 1}]}}`
		if db.Dialect != dialect.Postgres {
			require.NoError(t, txn.Run(ctx, db.Client, func(tx *ent.Tx) error { raise(tx); return nil }))
			r := add()
			require.Empty(t, r.Errors)
			assert.JSONEq(t, want, string(r.Data))
			return
		}
		tx, err := db.Client.Tx(ctx)
		require.NoError(t, err)
		raise(tx)
		done := make(chan *testenv.Response)
		go func() { done <- add() }()
		require.Eventually(t, func() bool { // the change waits for the cart's lock
			var n int
			require.NoError(t, db.SQL.QueryRow(`SELECT count(*) FROM pg_stat_activity
				WHERE wait_event_type = 'Lock' AND query LIKE '%line_items_json%'`).Scan(&n))
			return n == 1
		}, 10*time.Second, 10*time.Millisecond)
		require.NoError(t, tx.Commit())
		r := <-done
		require.Empty(t, r.Errors)
		assert.JSONEq(t, want, string(r.Data))
		assert.Equal(t, 3, built.QueryItems().Where(lineitem.ID(line.ID)).OnlyX(ctx).Quantity)
	})
}

// TestRefreshReadsTheShelfOfLinesAddedSince: a cart read for checkout with its shelf
// (on PostgreSQL in the same statement) and then given a line of another variant is
// checked against that variant's shelf too, not taken for a line no longer sold.
func TestRefreshReadsTheShelfOfLinesAddedSince(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		svc := cart.New(db.Client, nil)
		built := ct.Build(t, c, ct.Cart{Items: []ct.Item{ct.Of("abaya", 1)}})
		shopper := ct.Shopper(c.StoreA1)

		read, err := svc.LoadForCheckout(shopper, built.Token)
		require.NoError(t, err)
		now, err := svc.AddItem(shopper, built.Token, c.Variants["thobe"].ID, 1)
		require.NoError(t, err)
		require.Len(t, now.Edges.Items, 2)
		read.Edges.Items = now.Edges.Items // the cart as read, with its lines as they are now

		_, err = svc.Refresh(shopper, read)
		require.NoError(t, err, "both lines are sold at their prices")
		after, err := svc.Load(shopper, built.Token)
		require.NoError(t, err)
		assert.Len(t, after.Edges.Items, 2)
	})
}
