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

// Subscription is a customer's recurring order: a variant, in a quantity, delivered every
// interval to a shipping address and paid with a stored payment method. The renewal
// worker places its order when next_renewal_at comes (see package recurring).
type Subscription struct{ ent.Schema }

func (Subscription) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (Subscription) Fields() []ent.Field {
	return []ent.Field{
		field.Int("store_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("customer_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("variant_id").Immutable().Annotations(entgql.Type("ID")),
		field.Int("quantity").Positive(),
		field.Enum("interval").Values("week", "month", "year").Immutable(),
		field.Enum("status").Values("active", "paused", "canceled").Default("active"),
		// next_renewal_at starts the period the next order is placed for; it moves on one
		// interval with each period placed or skipped.
		field.Time("next_renewal_at"),
		// skip_next: the next period passes without an order.
		field.Bool("skip_next").Default(false),
		// locked_unit_price keeps the price the customer subscribed at; nil follows the
		// store's price list at each renewal.
		field.Int64("locked_unit_price").Optional().Nillable().Immutable(),
		field.Int("region_id").Immutable().Annotations(entgql.Type("ID")),
		field.String("currency_code").Immutable(),
		field.String("email").MaxLen(254),
		field.JSON("shipping_address", &address.Address{}).Annotations(entgql.Skip(entgql.SkipAll)),
		field.Int("shipping_option_id").Annotations(entgql.Type("ID")),
		// payment_provider and payment_method are the stored payment method renewals are
		// charged with: a provider that authorises without the shopper (manual), and the
		// processor's reference of a saved method where it needs one.
		field.String("payment_provider").MaxLen(32),
		field.String("payment_method").Optional().MaxLen(255).Annotations(entgql.Skip(entgql.SkipAll)),
		// failed_attempts counts the failed tries of the current period; retry_at is when
		// the worker tries it again (nil: at next_renewal_at).
		field.Int("failed_attempts").Default(0),
		field.Time("retry_at").Optional().Nillable(),
		field.Int("last_order_id").Optional().Nillable().Annotations(entgql.Type("ID")),
		field.Time("canceled_at").Optional().Nillable(),
	}
}

func (Subscription) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("renewals", SubscriptionRenewal.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Subscription) Indexes() []ent.Index {
	return []ent.Index{
		// The renewal worker reads the active subscriptions that are due.
		index.Fields("status", "next_renewal_at"),
		index.Fields("customer_id"),
		index.Fields("store_id"),
	}
}

// In GraphQL it is a CustomerSubscription: the root type Subscription is the API's
// live events (graph/subscriptions.graphqls).
func (Subscription) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Type("CustomerSubscription"), entgql.QueryField("subscriptions"), entgql.RelayConnection()}
}

// Policy: a customer sees its own subscriptions, the tenant's admins and the store's
// managers those of their tenant or store; package recurring writes them.
func (Subscription) Policy() ent.Policy { return access.SubscriptionPolicy() }

// SubscriptionRenewal is one period of a subscription: the order placed for it, or why
// none was. Its unique (subscription, period) is what makes a period's order placed once,
// whatever retries or second worker run: the row is claimed in the transaction that
// places the order.
type SubscriptionRenewal struct{ ent.Schema }

func (SubscriptionRenewal) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}, TenantMixin{}} }

func (SubscriptionRenewal) Fields() []ent.Field {
	return []ent.Field{
		field.Int("subscription_id").Immutable(),
		field.Time("period_start").Immutable(),
		// cart_id is the cart the renewal's order is placed from, made with the row.
		field.Int("cart_id").Optional().Nillable().Immutable(),
		field.Enum("status").Values("pending", "placed", "skipped", "failed").Default("pending"),
		field.Int("order_id").Optional().Nillable(),
		field.String("last_error").Optional().MaxLen(1000),
	}
}

func (SubscriptionRenewal) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("subscription", Subscription.Type).Ref("renewals").Field("subscription_id").Unique().Required().Immutable(),
	}
}

func (SubscriptionRenewal) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("subscription_id", "period_start", "tenant_id").Unique(),
		index.Fields("order_id", "tenant_id").Unique(),
	}
}

func (SubscriptionRenewal) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}

// Policy: the worker's ledger, read and written in the system context only.
func (SubscriptionRenewal) Policy() ent.Policy { return access.SystemOnlyPolicy() }
