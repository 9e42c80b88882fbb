package inventory

import (
	"context"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/reservation"
	"github.com/dakkah/cityos/viewer"
)

func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "inventory") }

// hasAvailable keeps a level only while at least n units are unreserved. The check and
// the increment are one UPDATE, so two checkouts can never both take the last unit:
// PostgreSQL re-checks the condition after waiting on the row lock, and SQLite runs one
// writing transaction at a time.
func hasAvailable(n int) func(*sql.Selector) {
	return func(s *sql.Selector) {
		s.Where(sql.P(func(b *sql.Builder) {
			b.WriteString(s.C(inventorylevel.FieldStockedQuantity)).WriteString(" - ").
				WriteString(s.C(inventorylevel.FieldReservedQuantity)).WriteString(" >= ").Arg(n)
		}))
	}
}

// Holder is what reserved units are held for: an order, or an approval request (whose
// units move to its order when it is approved, see Transfer).
type Holder struct{ OrderID, ApprovalID int }

// ForOrder holds units for order id.
func ForOrder(id int) Holder { return Holder{OrderID: id} }

// ForApproval holds units for approval request id.
func ForApproval(id int) Holder { return Holder{ApprovalID: id} }

// Reserve holds qty units of a variant for an order, taking them from the levels that
// have them, through tx. Without enough available units it answers CONFLICT, unless the
// variant allows backorders (the rest is then reserved beyond stock) or does not track
// inventory at all. An error leaves tx to be rolled back by the caller.
func Reserve(ctx context.Context, tx *ent.Tx, orderID, variantID, qty int) error {
	return ReserveAll(ctx, tx, ForOrder(orderID), []Want{{VariantID: variantID, Quantity: qty}})
}

func reserveVariant(ctx context.Context, tx *ent.Tx, h Holder, variantID, qty int) error {
	v, err := tx.ProductVariant.Get(sys(ctx), variantID)
	if err != nil {
		return err
	}
	if !v.ManageInventory {
		return nil
	}
	levels, err := tx.InventoryLevel.Query().Where(inventorylevel.VariantID(variantID)).
		Order(ent.Asc(inventorylevel.FieldID)).All(sys(ctx))
	if err != nil {
		return err
	}
	return reserve(ctx, tx, h, v.ID, v, levels, qty)
}

// Want is a quantity of a variant to reserve.
type Want struct{ VariantID, Quantity int }

// ReserveAll is Reserve for several variants, in the order given (so concurrent checkouts
// lock levels alike), held for h. On PostgreSQL each variant's units are held in one
// statement when one level has them all (reserveOnce), the others as below, each in its
// turn. Elsewhere the levels of those that track inventory are read with one query; a
// variant itself is read only when it has no such levels (it may not track inventory)
// or they cannot cover it (its backorder rule decides).
func ReserveAll(ctx context.Context, tx *ent.Tx, h Holder, wants []Want) error {
	if tx.Dialect() == dialect.Postgres {
		for _, w := range wants {
			done, err := reserveOnce(ctx, tx, h, w)
			if err == nil && !done {
				err = reserveVariant(ctx, tx, h, w.VariantID, w.Quantity)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	ids := make([]int, len(wants))
	for i, w := range wants {
		ids[i] = w.VariantID
	}
	ls, err := tx.InventoryLevel.Query().
		Where(inventorylevel.VariantIDIn(ids...), inventorylevel.HasVariantWith(productvariant.ManageInventory(true))).
		Order(ent.Asc(inventorylevel.FieldID)).All(sys(ctx))
	if err != nil {
		return err
	}
	levels := map[int][]*ent.InventoryLevel{}
	for _, l := range ls {
		levels[l.VariantID] = append(levels[l.VariantID], l)
	}
	for _, w := range wants {
		var err error
		if lv := levels[w.VariantID]; len(lv) > 0 {
			err = reserve(ctx, tx, h, w.VariantID, nil, lv, w.Quantity)
		} else {
			err = reserveVariant(ctx, tx, h, w.VariantID, w.Quantity)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// reserve takes qty units of the variant with id variantID from its levels (see
// Reserve). v is the variant when it was read already; it is read here only when the
// levels fall short.
func reserve(ctx context.Context, tx *ent.Tx, h Holder, variantID int, v *ent.ProductVariant, levels []*ent.InventoryLevel, qty int) error {
	ctx = sys(ctx)
	remaining := qty
	for _, l := range levels {
		for remaining > 0 {
			take := min(remaining, l.StockedQuantity-l.ReservedQuantity)
			if take <= 0 {
				break
			}
			n, err := tx.InventoryLevel.Update().Where(inventorylevel.ID(l.ID), hasAvailable(take)).
				AddReservedQuantity(take).Save(ctx)
			if err != nil {
				return err
			}
			if n == 1 {
				if err := hold(ctx, tx, l.TenantID, h, l.ID, take); err != nil {
					return err
				}
				remaining -= take
				break
			}
			// Someone took units meanwhile: read the level again and retry with what is left.
			if l, err = tx.InventoryLevel.Get(ctx, l.ID); err != nil {
				return err
			}
		}
	}
	if remaining == 0 {
		return nil
	}
	if v == nil {
		var err error
		if v, err = tx.ProductVariant.Get(ctx, variantID); err != nil {
			return err
		}
	}
	if !v.AllowBackorder || len(levels) == 0 {
		return apperr.New(apperr.Conflict, "%s is out of stock: fewer than %d available", v.Sku, qty)
	}
	if err := tx.InventoryLevel.UpdateOneID(levels[0].ID).AddReservedQuantity(remaining).Exec(ctx); err != nil {
		return err
	}
	return hold(ctx, tx, v.TenantID, h, levels[0].ID, remaining)
}

func hold(ctx context.Context, tx *ent.Tx, tenantID int, h Holder, levelID, qty int) error {
	c := tx.Reservation.Create().SetTenantID(tenantID).SetInventoryLevelID(levelID).SetQuantity(qty)
	if h.ApprovalID != 0 {
		c.SetApprovalRequestID(h.ApprovalID)
	} else {
		c.SetOrderID(h.OrderID)
	}
	return c.Exec(ctx)
}

// Transfer moves the units held for approval request approvalID to the order placed from
// it: they stay reserved, now for the order.
func Transfer(ctx context.Context, tx *ent.Tx, approvalID, orderID int) error {
	return tx.Reservation.Update().
		Where(reservation.ApprovalRequestID(approvalID), reservation.OrderIDIsNil(), reservation.ReleasedAtIsNil()).
		SetOrderID(orderID).Exec(sys(ctx))
}

// ReleaseApproval gives back the units held for an approval request that will not become
// an order (rejected, canceled, expired).
func ReleaseApproval(ctx context.Context, tx *ent.Tx, approvalID int) error {
	return release(ctx, tx, false, reservation.ApprovalRequestID(approvalID), reservation.OrderIDIsNil())
}

// Release gives an order's reserved units back (a cancellation).
func Release(ctx context.Context, tx *ent.Tx, orderID int) error {
	return settle(ctx, tx, orderID, false)
}

// ReleaseVariants is Release for the order's reservations of the given variants only: a
// vendor's part of a marketplace order.
func ReleaseVariants(ctx context.Context, tx *ent.Tx, orderID int, variantIDs []int) error {
	return settle(ctx, tx, orderID, false, variantIDs...)
}

// ShipVariants is Ship for the order's reservations of the given variants only.
func ShipVariants(ctx context.Context, tx *ent.Tx, orderID int, variantIDs []int) error {
	return settle(ctx, tx, orderID, true, variantIDs...)
}

// Ship turns an order's reservations into stock that has left: the units are no longer
// stocked nor reserved.
func Ship(ctx context.Context, tx *ent.Tx, orderID int) error {
	return settle(ctx, tx, orderID, true)
}

// settle releases (or ships) the order's open reservations: all of them, or those of
// the levels of variants when some are named.
func settle(ctx context.Context, tx *ent.Tx, orderID int, shipped bool, variants ...int) error {
	which := []predicate.Reservation{reservation.OrderID(orderID)}
	if variants != nil {
		levels, err := tx.InventoryLevel.Query().Where(inventorylevel.VariantIDIn(variants...)).IDs(sys(ctx))
		if err != nil {
			return err
		}
		which = append(which, reservation.InventoryLevelIDIn(levels...))
	}
	return release(ctx, tx, shipped, which...)
}

// release releases (or ships) the open reservations that match which.
func release(ctx context.Context, tx *ent.Tx, shipped bool, which ...predicate.Reservation) error {
	ctx = sys(ctx)
	rs, err := tx.Reservation.Query().Where(append(which, reservation.ReleasedAtIsNil())...).All(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	for _, r := range rs {
		u := tx.InventoryLevel.UpdateOneID(r.InventoryLevelID).AddReservedQuantity(-r.Quantity)
		if shipped {
			u.AddStockedQuantity(-r.Quantity)
		}
		if err := u.Exec(ctx); err != nil {
			return err
		}
		if err := tx.Reservation.UpdateOneID(r.ID).SetReleasedAt(now).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}
