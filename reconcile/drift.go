package reconcile

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/reservation"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/txn"
)

// without keeps the rows for which table has no row whose column col equals the row's
// column outer.
func without(table, col, outer string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		t := sql.Table(table)
		s.Where(sql.Not(sql.Exists(sql.Select(t.C(col)).From(t).Where(sql.ColumnsEQ(t.C(col), s.C(outer))))))
	}
}

// salesChannels gives every store without a sales channel one, as creating a store does
// (tenancy.CreateStore): a store without one sells nothing.
func (r *Reconciler) salesChannels(ctx context.Context, add func(int, string, int), _ *Result) error {
	stores, err := r.Client.Store.Query().Where(without(saleschannel.Table, saleschannel.FieldStoreID, store.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	for _, st := range stores {
		if err := r.Client.SalesChannel.Create().SetTenantID(st.TenantID).SetStoreID(st.ID).SetName(st.Name).Exec(ctx); err != nil {
			return err
		}
		add(st.TenantID, "sales_channels_created", st.ID)
	}
	return nil
}

// orphanDomains deletes domains whose store is gone. The foreign key keeps that from
// happening while constraints hold; a restore or a manual repair without them can leave
// such a domain holding its hostname (its verified claim) for no store.
func (r *Reconciler) orphanDomains(ctx context.Context, add func(int, string, int), _ *Result) error {
	doms, err := r.Client.Domain.Query().Where(without(store.Table, store.FieldID, domain.FieldStoreID)).All(ctx)
	if err != nil {
		return err
	}
	for _, d := range doms {
		if err := r.Client.Domain.DeleteOneID(d.ID).Exec(ctx); err != nil {
			return err
		}
		add(d.TenantID, "domains_deleted", d.ID)
	}
	return nil
}

// reservations settles stock still held for orders that no longer need it: a canceled
// order's is released (as cancelOrder does), a shipped or delivered order's is settled as
// shipped (as markShipped does). Carts hold no stock here (it is reserved when the order
// is placed), so a completed or abandoned cart has nothing to release.
func (r *Reconciler) reservations(ctx context.Context, add func(int, string, int), _ *Result) error {
	held := reservation.ReleasedAtIsNil()
	orders, err := r.Client.Order.Query().Where(order.HasReservationsWith(held), order.Or(
		order.StatusEQ(order.StatusCanceled),
		order.FulfillmentStatusIn(order.FulfillmentStatusShipped, order.FulfillmentStatusDelivered),
	)).All(ctx)
	if err != nil {
		return err
	}
	for _, o := range orders {
		canceled := o.Status == order.StatusCanceled
		err := txn.Run(ctx, r.Client, func(tx *ent.Tx) error {
			if canceled {
				return inventory.Release(ctx, tx, o.ID)
			}
			return inventory.Ship(ctx, tx, o.ID)
		})
		if err != nil {
			return err
		}
		if canceled {
			add(o.TenantID, "reservations_released", o.ID)
		} else {
			add(o.TenantID, "reservations_shipped", o.ID)
		}
	}
	return nil
}
