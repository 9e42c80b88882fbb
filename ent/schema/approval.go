package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/snapshot"
)

// ApprovalRequest is a buyer's checkout that needs a company admin's approval (over the
// buyer's spending limit, or under the company's approval rule). It holds the cart frozen:
// its lines and totals as they were, the stock reserved for it, until it is approved (the
// order is placed from it, once), rejected, canceled by the buyer or expires.
type ApprovalRequest struct{ ent.Schema }

func (ApprovalRequest) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (ApprovalRequest) Fields() []ent.Field {
	return []ent.Field{
		field.Int("store_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("company_id").Immutable().Annotations(entgql.Type("ID")),
		// customer_id is the buyer who checked out.
		field.Int("customer_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("cart_id").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		// idempotency_key is the buyer's checkout key: the same checkout answers this request.
		field.String("idempotency_key").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("status").Values("pending", "approved", "rejected", "canceled", "expired").Default("pending"),
		// reasons say why the checkout waits: over_limit, approval_required, above_threshold.
		field.Strings("reasons").Immutable(),
		field.String("currency_code").Immutable(),
		field.Int64("subtotal").Immutable(),
		field.Int64("shipping_total").Immutable(),
		field.Int64("tax_total").Immutable(),
		field.Int64("total").Immutable(),
		field.JSON("lines", []snapshot.Line{}).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.JSON("terms", snapshot.Terms{}).Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		// payment_provider and payment_session are how the order will be paid: a session the
		// buyer already authorised, or the provider that authorises on approval.
		field.String("payment_provider").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("payment_session").Optional().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Time("expires_at").Immutable(),
		field.Int("decided_by").Optional().Nillable().Annotations(entgql.Type("ID")),
		field.Time("decided_at").Optional().Nillable(),
		// note is the admin's reason for a rejection.
		field.String("note").Optional().Nillable().MaxLen(1000),
		field.Int("order_id").Optional().Nillable().Unique().Annotations(entgql.Type("ID")),
	}
}

func (ApprovalRequest) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("company", Company.Type).Field("company_id").Unique().Required().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("order", Order.Type).Field("order_id").Unique().Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("reservations", Reservation.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (ApprovalRequest) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("company_id", "status"),
		index.Fields("customer_id"),
		index.Fields("cart_id"),
		// The expiry run reads pending requests past their time.
		index.Fields("status", "expires_at"),
	}
}

func (ApprovalRequest) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Policy scopes requests to the buyer who made them, the company's admins and the
// tenant's staff; checkout writes them in its system context.
func (ApprovalRequest) Policy() ent.Policy { return access.ApprovalRequestPolicy() }
