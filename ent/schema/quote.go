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

// Quote is a buyer's request for prices on a cart of a b2b store: staff answer each line
// with a price of their own, the two sides talk in its thread, and the buyer accepts (an
// order is placed at the quoted prices, once) or declines. The cart is held meanwhile.
type Quote struct{ ent.Schema }

func (Quote) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}} }

func (Quote) Fields() []ent.Field {
	return []ent.Field{
		field.Int("store_id").Immutable().Annotations(entgql.Type("ID")),
		// company_id is the buyer's company, when the buyer works for one.
		field.Int("company_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Int("customer_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("cart_id").Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("status").Values("requested", "responded", "accepted", "declined", "expired").Default("requested"),
		field.String("currency_code").Immutable(),
		field.JSON("lines", []snapshot.Line{}).Annotations(entgql.Skip(entgql.SkipAll)),
		// expires_at is when an unanswered or unaccepted quote lapses.
		field.Time("expires_at"),
		// Limits are checked in characters (checkout); ent's count bytes, four to a character.
		field.String("decline_reason").Optional().Nillable().MaxLen(4 * 1000),
		field.Int("order_id").Optional().Nillable().Unique().Annotations(entgql.Type("ID")),
	}
}

func (Quote) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("messages", QuoteMessage.Type).Annotations(entgql.RelayConnection()),
		edge.To("order", Order.Type).Field("order_id").Unique().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Quote) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("store_id", "status"),
		index.Fields("customer_id"),
		index.Fields("company_id"),
		index.Fields("cart_id"),
		index.Fields("status", "expires_at"),
	}
}

func (Quote) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection()}
}

// Policy scopes quotes to the buyer, the company's admins and the store's staff.
func (Quote) Policy() ent.Policy { return access.QuotePolicy() }

// QuoteMessage is one message of a quote's thread, from the buyer's side or the staff's.
type QuoteMessage struct{ ent.Schema }

func (QuoteMessage) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (QuoteMessage) Fields() []ent.Field {
	return []ent.Field{
		field.Int("quote_id").Immutable().Annotations(entgql.Type("ID")),
		// author_id is the user who wrote the message; none for a secret API key's.
		field.Int("author_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.Enum("side").Values("buyer", "staff").Immutable(),
		field.String("body").NotEmpty().MaxLen(4 * 4000).Immutable(), // 4000 characters (checkout)
	}
}

func (QuoteMessage) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("quote", Quote.Type).Ref("messages").Field("quote_id").Unique().Required().Immutable(),
	}
}

func (QuoteMessage) Indexes() []ent.Index { return []ent.Index{index.Fields("quote_id")} }

func (QuoteMessage) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy follows the quote's.
func (QuoteMessage) Policy() ent.Policy { return access.QuoteMessagePolicy() }
