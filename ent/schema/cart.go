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

// Cart is a shopper's basket in one store. Clients address it by its token, an
// unguessable value; the numeric id stays internal.
type Cart struct{ ent.Schema }

func (Cart) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (Cart) Fields() []ent.Field {
	return []ent.Field{
		// token is what clients call the cart's id: a random 63-bit number, unguessable where
		// the numeric id is sequential (see cart.NewToken).
		field.Int("token").Immutable(),
		field.Int("store_id").Immutable(),
		field.Int("region_id"),
		field.String("currency_code").MinLen(3).MaxLen(3),
		field.String("email").Optional().MaxLen(254),
		field.Int("customer_id").Optional().Nillable(),
		field.JSON("shipping_address", &address.Address{}).Optional(),
		field.JSON("billing_address", &address.Address{}).Optional(),
		field.Int("shipping_option_id").Optional().Nillable(),
		field.Time("completed_at").Optional().Nillable(),
		// held_at is set while the cart waits on an approval request or a quote: it cannot
		// change nor be checked out until the hold is let go.
		field.Time("held_at").Optional().Nillable(),
		// revision counts the cart's changes; checkout completes the cart only at the
		// revision it read, so a line added meanwhile is never left out of the order.
		field.Int("revision").Default(0),
		// The payment session the shopper pays through (see checkout.CreatePaymentSession):
		// its provider, the processor's id of it (Stripe: the PaymentIntent) and the total
		// it was opened for. Checkout verifies the session, not these, before placing.
		field.String("payment_provider").Optional().MaxLen(32),
		field.String("payment_session_id").Optional().MaxLen(255),
		field.Int64("payment_amount").Optional().NonNegative(),
	}
}

func (Cart) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("store", Store.Type).Field("store_id").Unique().Required().Immutable(),
		edge.To("region", Region.Type).Field("region_id").Unique().Required(),
		edge.To("customer", User.Type).Field("customer_id").Unique(),
		edge.To("shipping_option", ShippingOption.Type).Field("shipping_option_id").Unique(),
		edge.To("items", LineItem.Type),
	}
}

// The processor's events name the session: its webhook finds the cart by it.
func (Cart) Indexes() []ent.Index {
	return []ent.Index{index.Fields("token", "tenant_id").Unique(), index.Fields("payment_session_id")}
}

func (Cart) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Policy: a cart is its shopper's (by token, in its store) and its store's staff's.
func (Cart) Policy() ent.Policy { return access.CartPolicy() }

// LineItem is a variant in a cart, with the unit price it had when it was added.
type LineItem struct{ ent.Schema }

func (LineItem) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (LineItem) Fields() []ent.Field {
	return []ent.Field{
		field.Int("cart_id").Immutable(),
		field.Int("variant_id").Immutable(),
		field.String("title"),
		field.String("sku"),
		field.Int("quantity").Positive(),
		field.Int64("unit_price").NonNegative(),
	}
}

func (LineItem) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("cart", Cart.Type).Ref("items").Field("cart_id").Unique().Required().Immutable(),
		edge.To("variant", ProductVariant.Type).Field("variant_id").Unique().Required().Immutable(),
	}
}

func (LineItem) Indexes() []ent.Index { return []ent.Index{index.Fields("cart_id")} }

func (LineItem) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Policy follows the cart's.
func (LineItem) Policy() ent.Policy { return access.CartPartPolicy() }
