package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
)

// Suborder is one vendor's part of a marketplace order (a "vendor order"): its lines, its
// shipping and its totals; its events are vendor_order.*. It cannot be called VendorOrder:
// ent's GraphQL extension gives that name to the ordering input of Vendor. Checkout writes it with the
// order; the vendor sees and fulfils only its own.
type Suborder struct{ ent.Schema }

func (Suborder) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Suborder) Fields() []ent.Field {
	return []ent.Field{
		field.Int("order_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("vendor_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("store_id").Immutable().Annotations(entgql.Type("ID")),
		field.Enum("status").Values("pending", "completed", "canceled").Default("pending"),
		field.Enum("fulfillment_status").Values("not_fulfilled", "fulfilled", "shipped", "delivered").Default("not_fulfilled"),
		field.String("currency_code").Immutable(),
		field.Int64("subtotal").Immutable(),
		field.Int64("shipping_total").Immutable(),
		field.Int64("tax_total").Immutable(),
		field.Int64("total").Immutable().Annotations(entgql.OrderField("TOTAL")),
		// refunded_total is what was given back to the shopper of this vendor's part.
		field.Int64("refunded_total").Default(0),
		field.String("shipping_method").Optional(),
		field.Time("canceled_at").Optional().Nillable(),
	}
}

func (Suborder) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("order", Order.Type).Ref("suborders").Field("order_id").Unique().Required().Immutable(),
		edge.To("vendor", Vendor.Type).Field("vendor_id").Unique().Required().Immutable(),
		edge.To("store", Store.Type).Field("store_id").Unique().Required().Immutable(),
		edge.To("items", OrderLineItem.Type),
		edge.To("fulfillments", Fulfillment.Type),
	}
}

func (Suborder) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("order_id", "vendor_id", "tenant_id").Unique(),
		index.Fields("vendor_id", "created_at"),
	}
}

func (Suborder) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Policy: the vendor's admins and staff see its own; the tenant's admins, the store's
// managers and the order's customer see them with the order (see package access).
func (Suborder) Policy() ent.Policy { return access.SuborderPolicy() }

// CommissionRule is what a tenant takes on a sale: basis points and/or a flat amount per
// line, scoped to the tenant, a vendor, a category, a collection or a product, valid
// between two dates; the most specific valid rule wins (package commission).
type CommissionRule struct{ ent.Schema }

func (CommissionRule) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (CommissionRule) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("scope").Values("tenant", "vendor", "category", "collection", "product"),
		// scope_id is the vendor, category, collection or product; null for the tenant.
		field.Int("scope_id").Optional().Nillable().Annotations(entgql.Type("ID")),
		field.Int("bps").NonNegative().Default(0),
		field.Int64("flat").NonNegative().Default(0),
		// currency is the flat amount's; a flat rule applies only to lines in it.
		field.String("currency_code").Optional(),
		field.Time("valid_from").Optional().Nillable(),
		field.Time("valid_until").Optional().Nillable(),
		field.Int("priority").Default(0),
	}
}

func (CommissionRule) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy: the tenant's admins manage rules; a vendor reads the rules that apply to it.
func (CommissionRule) Policy() ent.Policy { return access.CommissionRulePolicy() }

// CommissionLine is one entry of a vendor's ledger for one order line: a sale (the gross
// owed to the vendor and the commission taken) or a reversal (a refund's gross given back
// and the commission returned). A worker writes them from order events, once per event.
type CommissionLine struct{ ent.Schema }

func (CommissionLine) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (CommissionLine) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("sale", "reversal").Immutable(),
		field.Int("vendor_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("suborder_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("order_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("order_line_item_id").Immutable().Annotations(entgql.Type("ID")),
		// rule_id is the rule chosen (null: no rule applied, no commission).
		field.Int("rule_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("currency_code").Immutable(),
		// amount is the line's gross (a sale) or the gross refunded (a reversal); commission
		// is what the tenant took (a sale) or gives back (a reversal). Both never negative.
		field.Int64("amount").NonNegative().Immutable(),
		field.Int64("commission").NonNegative().Immutable(),
		field.Int("bps").NonNegative().Immutable(),
		field.Int64("flat").NonNegative().Immutable(),
		// event_id is the order event the line was computed from: with the order line it
		// makes the line unique, so a redelivered event writes nothing.
		field.String("event_id").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		// captured_at is when the sale's money was captured (a reversal: when it was made);
		// payouts count a sale only once it is captured and past the hold period.
		field.Time("captured_at").Optional().Nillable(),
		// payout_id is the payout that settled the line; a failed payout clears it.
		field.Int("payout_id").Optional().Nillable().Annotations(entgql.Type("ID")),
	}
}

func (CommissionLine) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("vendor", Vendor.Type).Field("vendor_id").Unique().Required().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("payout", Payout.Type).Ref("lines").Field("payout_id").Unique(),
	}
}

func (CommissionLine) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("event_id", "order_line_item_id", "tenant_id").Unique(),
		index.Fields("vendor_id", "currency_code", "payout_id"),
		index.Fields("order_id"),
	}
}

func (CommissionLine) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy: the tenant's admins and the vendor's own staff read them; only workers write.
func (CommissionLine) Policy() ent.Policy { return access.CommissionLinePolicy() }

// Payout is what a payout run pays one vendor in one currency, with the ledger lines it
// settles. run_key makes a run's payout unique, so a run retried pays nothing twice.
type Payout struct{ ent.Schema }

func (Payout) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Payout) Fields() []ent.Field {
	return []ent.Field{
		field.Int("vendor_id").Immutable().Annotations(entgql.Type("ID")),
		field.String("currency_code").Immutable(),
		field.Enum("status").Values("pending", "processing", "paid", "failed").Default("pending"),
		field.Int64("amount").NonNegative().Immutable(),
		field.Int64("gross").Immutable(),
		field.Int64("commission").Immutable(),
		field.Int64("refunds").Immutable(),
		field.Int64("commission_reversed").Immutable(),
		field.String("provider").Immutable(),
		// reference is the provider's (a transfer id) or the admin's (a bank reference).
		field.String("reference").Optional().MaxLen(200),
		field.String("failure_reason").Optional().Nillable().MaxLen(1000),
		field.String("run_key").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("paid_at").Optional().Nillable(),
	}
}

func (Payout) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("vendor", Vendor.Type).Field("vendor_id").Unique().Required().Immutable(),
		// Its lines are read as a connection (commissionLines), never as one unbounded list.
		edge.To("lines", CommissionLine.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Payout) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("vendor_id", "currency_code", "run_key", "tenant_id").Unique(),
		index.Fields("status"),
	}
}

func (Payout) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy: the tenant's admins and the vendor's own staff read them; workers write them and
// the tenant's admins mark manual payouts paid.
func (Payout) Policy() ent.Policy { return access.PayoutPolicy() }
