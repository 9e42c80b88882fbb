package syncs

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/inventorylevel"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/price"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/ent/saleschannel"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/integration"
)

// scope is what a sync sends: one tenant's rows, and of the types that belong to a store,
// only the endpoint's store's when it is limited to one. The catalog (products, variants,
// prices, stock) and customers are the tenant's, not a store's: they go whole.
type scope struct {
	tenantID int
	storeID  *int
}

// row is one entity to snapshot.
type row struct {
	id      int
	storeID *int
	value   any
}

// source reads one aggregate type's rows in id order, for a full sync.
type source struct {
	aggregate string
	count     func(ctx context.Context, c *ent.Client, sc scope) (int, error)
	page      func(ctx context.Context, c *ent.Client, sc scope, after, limit int) ([]row, error)
}

type pager[T any, Q any] interface {
	Limit(int) Q
	All(context.Context) ([]T, error)
	Count(context.Context) (int, error)
}

// from builds a source from a query of the scope's rows after an id, ordered by id.
func from[T any, Q pager[T, Q]](aggregate string, q func(c *ent.Client, sc scope, after int) Q, id func(T) int, storeOf func(T) *int) source {
	return source{
		aggregate: aggregate,
		count:     func(ctx context.Context, c *ent.Client, sc scope) (int, error) { return q(c, sc, 0).Count(ctx) },
		page: func(ctx context.Context, c *ent.Client, sc scope, after, limit int) ([]row, error) {
			items, err := q(c, sc, after).Limit(limit).All(ctx)
			if err != nil {
				return nil, err
			}
			rows := make([]row, len(items))
			for i, it := range items {
				rows[i] = row{id: id(it), storeID: storeOf(it), value: it}
			}
			return rows, nil
		},
	}
}

func noStore[T any](T) *int { return nil }

// sources lists the aggregates a full sync can send, in the order it sends them (the
// order a receiver can apply them in: stores before orders, products before variants).
var sources = []source{
	from("store", func(c *ent.Client, sc scope, after int) *ent.StoreQuery {
		q := c.Store.Query().Where(store.TenantID(sc.tenantID), store.IDGT(after)).Order(store.ByID())
		if sc.storeID != nil {
			q.Where(store.ID(*sc.storeID))
		}
		return q
	}, func(s *ent.Store) int { return s.ID }, func(s *ent.Store) *int { return &s.ID }),
	from("sales_channel", func(c *ent.Client, sc scope, after int) *ent.SalesChannelQuery {
		q := c.SalesChannel.Query().Where(saleschannel.TenantID(sc.tenantID), saleschannel.IDGT(after)).Order(saleschannel.ByID())
		if sc.storeID != nil {
			q.Where(saleschannel.StoreID(*sc.storeID))
		}
		return q
	}, func(s *ent.SalesChannel) int { return s.ID }, func(s *ent.SalesChannel) *int { return &s.StoreID }),
	from("product", func(c *ent.Client, sc scope, after int) *ent.ProductQuery {
		return c.Product.Query().Where(product.TenantID(sc.tenantID), product.IDGT(after)).Order(product.ByID())
	}, func(p *ent.Product) int { return p.ID }, noStore[*ent.Product]),
	from("variant", func(c *ent.Client, sc scope, after int) *ent.ProductVariantQuery {
		return c.ProductVariant.Query().Where(productvariant.TenantID(sc.tenantID), productvariant.IDGT(after)).Order(productvariant.ByID())
	}, func(v *ent.ProductVariant) int { return v.ID }, noStore[*ent.ProductVariant]),
	from("price", func(c *ent.Client, sc scope, after int) *ent.PriceQuery {
		return c.Price.Query().Where(price.TenantID(sc.tenantID), price.IDGT(after)).Order(price.ByID())
	}, func(p *ent.Price) int { return p.ID }, noStore[*ent.Price]),
	from("inventory", func(c *ent.Client, sc scope, after int) *ent.InventoryLevelQuery {
		return c.InventoryLevel.Query().Where(inventorylevel.TenantID(sc.tenantID), inventorylevel.IDGT(after)).Order(inventorylevel.ByID())
	}, func(l *ent.InventoryLevel) int { return l.ID }, noStore[*ent.InventoryLevel]),
	// A tenant's customers are the users with a customer membership of it.
	from("customer", func(c *ent.Client, sc scope, after int) *ent.UserQuery {
		return c.User.Query().Where(user.HasMembershipsWith(membership.TenantID(sc.tenantID), membership.RoleEQ(membership.RoleCustomer)),
			user.IDGT(after)).Order(user.ByID())
	}, func(u *ent.User) int { return u.ID }, noStore[*ent.User]),
	from("order", func(c *ent.Client, sc scope, after int) *ent.OrderQuery {
		q := c.Order.Query().Where(order.TenantID(sc.tenantID), order.IDGT(after)).Order(order.ByID())
		if sc.storeID != nil {
			q.Where(order.StoreID(*sc.storeID))
		}
		return q
	}, func(o *ent.Order) int { return o.ID }, func(o *ent.Order) *int { return &o.StoreID }),
}

// SnapshotTopic is the event type a full sync sends an aggregate's state as.
func SnapshotTopic(aggregate string) string { return aggregate + ".snapshot" }

// subscribed is the sources whose snapshots the endpoint's patterns cover.
func subscribed(patterns []string) []source {
	var out []source
	for _, s := range sources {
		if integration.SubscribesTo(patterns, SnapshotTopic(s.aggregate)) {
			out = append(out, s)
		}
	}
	return out
}
