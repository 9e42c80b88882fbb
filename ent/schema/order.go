package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/address"
)

// Order is a completed cart: what was bought, for how much, and where it stands in
// payment and fulfilment. Amounts are minor units of its currency.
type Order struct{ ent.Schema }

func (Order) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Order) Fields() []ent.Field {
	return []ent.Field{
		field.Int("store_id").Immutable().Annotations(entgql.Type("ID")),
		// display_id is the store's order number, taken from the store's counter
		// (order_seq) just before checkout's transaction writes the order with it (see
		// checkout/number.go).
		field.Int("display_id").Annotations(entgql.OrderField("DISPLAY_ID")),
		field.Int("cart_id").Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		// idempotency_key is scoped to the order's cart (see checkout): unique with it, as
		// cart_id is unique (with tenant_id, see Indexes), and never compared across carts.
		field.String("idempotency_key").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("customer_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("email").Optional(),
		field.Enum("status").Values("pending", "completed", "canceled", "archived").Default("pending"),
		field.Enum("payment_status").Values("not_paid", "authorized", "captured", "partially_refunded", "refunded", "canceled").Default("not_paid"),
		field.Enum("fulfillment_status").Values("not_fulfilled", "fulfilled", "shipped", "delivered").Default("not_fulfilled"),
		field.String("currency_code").Immutable(),
		field.Int64("subtotal").Immutable(),
		field.Int64("shipping_total").Immutable(),
		field.Int64("tax_total").Immutable(),
		field.Int64("total").Immutable().Annotations(entgql.OrderField("TOTAL")),
		field.Int64("refunded_total").Default(0),
		field.String("payment_provider").Immutable(),
		field.String("payment_reference").Optional().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("shipping_method").Optional(),
		field.JSON("shipping_address", &address.Address{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
		field.JSON("billing_address", &address.Address{}).Optional().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("canceled_at").Optional().Nillable(),
		// company_id is the company the buyer ordered for, on a b2b store: its spending
		// limits count the company's orders, and its admins see them.
		field.Int("company_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		// payment_due_at is when an order placed on payment terms (a company's net_30) is
		// to be paid; none for an order paid at checkout.
		field.Time("payment_due_at").Optional().Nillable().Immutable(),
	}
}

func (Order) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("store", Store.Type).Field("store_id").Unique().Required().Immutable(),
		edge.To("customer", User.Type).Field("customer_id").Unique().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("items", OrderLineItem.Type),
		edge.To("reservations", Reservation.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("fulfillments", Fulfillment.Type),
		edge.To("suborders", Suborder.Type),
	}
}

func (Order) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("store_id", "display_id", "tenant_id").Unique(),
		index.Fields("cart_id", "tenant_id").Unique(),
		index.Fields("customer_id"),
		index.Fields("company_id", "customer_id", "created_at"),
	}
}

func (Order) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy: customers see their own orders, store managers their stores', tenant admins
// their tenant's.
func (Order) Policy() ent.Policy { return access.OrderPolicy() }

// OrderLineItem is a line of an order, copied from the cart at checkout.
type OrderLineItem struct{ ent.Schema }

func (OrderLineItem) Mixin() []ent.Mixin { return []ent.Mixin{TenantMixin{}} }

func (OrderLineItem) Fields() []ent.Field {
	return []ent.Field{
		field.Int("order_id").Immutable(),
		field.Int("variant_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("title").Immutable(),
		field.String("sku").Immutable(),
		field.Int("quantity").Positive().Immutable(),
		field.Int64("unit_price").Immutable(),
		field.Int64("total").Immutable(),
		// vendor_id and suborder_id say whose line it is on a marketplace order.
		field.Int("vendor_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Int("suborder_id").Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (OrderLineItem) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("order", Order.Type).Ref("items").Field("order_id").Unique().Required().Immutable(),
		edge.From("suborder", Suborder.Type).Ref("items").Field("suborder_id").Unique().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (OrderLineItem) Indexes() []ent.Index { return []ent.Index{index.Fields("order_id")} }

// Policy follows the order's.
func (OrderLineItem) Policy() ent.Policy { return access.OrderPartPolicy() }

// Reservation holds stock of one inventory level for an order until it is released.
type Reservation struct{ ent.Schema }

func (Reservation) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (Reservation) Fields() []ent.Field {
	return []ent.Field{
		// A reservation holds stock for an order, or for an approval request until the
		// request becomes an order (the reservation then moves to it) or lapses.
		field.Int("order_id").Optional(),
		field.Int("approval_request_id").Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("inventory_level_id").Immutable(),
		field.Int("quantity").Positive().Immutable(),
		field.Time("released_at").Optional().Nillable(),
	}
}

func (Reservation) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("order", Order.Type).Ref("reservations").Field("order_id").Unique(),
		edge.From("approval_request", ApprovalRequest.Type).Ref("reservations").Field("approval_request_id").Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes: an order's reservations are released or shipped, and an approval request's
// moved to its order or released, by looking them up by their holder.
func (Reservation) Indexes() []ent.Index {
	return []ent.Index{index.Fields("order_id"), index.Fields("approval_request_id")}
}

// Policy follows the order's.
func (Reservation) Policy() ent.Policy { return access.OrderPartPolicy() }

// Fulfillment is one shipment of an order.
type Fulfillment struct{ ent.Schema }

func (Fulfillment) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (Fulfillment) Fields() []ent.Field {
	return []ent.Field{
		field.Int("order_id").Immutable().Annotations(entgql.Type("ID")),
		field.Time("shipped_at").Optional().Nillable(),
		field.Time("delivered_at").Optional().Nillable(),
		// suborder_id is the vendor order shipped, on a marketplace order.
		field.Int("suborder_id").Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Fulfillment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("order", Order.Type).Ref("fulfillments").Field("order_id").Unique().Required().Immutable(),
		edge.From("suborder", Suborder.Type).Ref("fulfillments").Field("suborder_id").Unique().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Policy follows the order's.
func (Fulfillment) Policy() ent.Policy { return access.OrderPartPolicy() }
