package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/audit"
)

// Plan is what a tenant pays the platform for, and the limits that come with it. The
// platform's admins edit plans as data; a limit left null is unlimited. A tenant's plan
// is its subscription_tier (package billing keeps the two in step).
type Plan struct{ ent.Schema }

func (Plan) Mixin() []ent.Mixin { return []ent.Mixin{TimeMixin{}} }

func (Plan) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("key").Values("basic", "pro", "enterprise").Immutable(),
		field.String("name").NotEmpty().MaxLen(200),
		// price is per period (a month), in minor units of currency_code.
		field.Int64("price").Min(0).Default(0),
		field.String("currency_code").MinLen(3).MaxLen(3).Default("USD"),
		field.Int("max_stores").Optional().Nillable().Min(0),
		field.Int("max_products").Optional().Nillable().Min(0),
		field.Int("max_staff_seats").Optional().Nillable().Min(0),
		field.Int("max_integration_endpoints").Optional().Nillable().Min(0),
		// api_rate_limit is requests per minute per API key of the plan's tenants (null:
		// the platform's CITYOS_RATE_LIMIT).
		field.Int("api_rate_limit").Optional().Nillable().Min(1),
		// stripe_price_id is the recurring Stripe price a Stripe-billed tenant pays.
		field.String("stripe_price_id").Optional().MaxLen(255),
	}
}

func (Plan) Indexes() []ent.Index {
	return []ent.Index{index.Fields("key").Unique()}
}

// Policy: readable by all (a price list), written by the platform's admins.
func (Plan) Policy() ent.Policy { return access.TaxonomyPolicy() }

// Hooks records every change in the audit log.
func (Plan) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }

// TenantSubscription is how one tenant pays for its plan: the billing status, the trial,
// the period paid for and the billing provider's ids. One per tenant.
type TenantSubscription struct{ ent.Schema }

func (TenantSubscription) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (TenantSubscription) Fields() []ent.Field {
	return []ent.Field{
		field.Int("plan_id").Annotations(entgql.Type("ID")),
		field.Enum("status").Values("trialing", "active", "past_due", "canceled").Default("trialing"),
		// provider bills the tenant: manual (invoices a person marks paid) or stripe.
		field.String("provider").Default("manual").MaxLen(32),
		field.String("provider_customer_id").Optional().MaxLen(255),
		field.String("provider_subscription_id").Optional().Nillable().Unique().MaxLen(255),
		field.Time("trial_ends_at").Optional().Nillable(),
		field.Time("current_period_start"),
		field.Time("current_period_end"),
		// past_due_since is when the first unpaid invoice fell due; the grace period
		// counts from it.
		field.Time("past_due_since").Optional().Nillable(),
		field.Time("canceled_at").Optional().Nillable(),
		// provider_event_at is the creation time of the last provider event applied, so
		// an older event delivered late does not undo a newer one.
		field.Int64("provider_event_at").Default(0).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (TenantSubscription) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("plan", Plan.Type).Field("plan_id").Unique().Required(),
		edge.To("invoices", TenantInvoice.Type),
	}
}

func (TenantSubscription) Indexes() []ent.Index {
	return []ent.Index{index.Fields("tenant_id").Unique().StorageKey("tenantsubscription_one_per_tenant"), index.Fields("status")}
}

func (TenantSubscription) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// Policy: the platform and the tenant's admins (see package access).
func (TenantSubscription) Policy() ent.Policy { return access.TenantSubscriptionPolicy() }

// TenantInvoice is what a tenant owes for a period of its plan, or for a plan change
// (a proration, negative when it is a credit), and whether it was paid.
type TenantInvoice struct{ ent.Schema }

func (TenantInvoice) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (TenantInvoice) Fields() []ent.Field {
	return []ent.Field{
		field.Int("subscription_id").Immutable().Annotations(entgql.Type("ID")),
		field.Enum("kind").Values("period", "proration").Immutable(),
		field.Enum("status").Values("open", "paid", "void").Default("open"),
		field.Int64("amount").Immutable(),
		field.String("currency_code").MinLen(3).MaxLen(3).Immutable(),
		field.Time("period_start").Immutable(),
		field.Time("period_end").Immutable(),
		field.Time("due_at").Immutable(),
		field.Time("paid_at").Optional().Nillable(),
		// description says what the line is for ("pro, 2026-12-01 to 2027-01-01";
		// "basic → pro, 12 of 30 days").
		field.String("description").Optional().MaxLen(500),
		field.String("provider_invoice_id").Optional().Nillable().Unique().MaxLen(255),
		// reference is the payment's reference (a bank transfer's, a provider's charge).
		field.String("reference").Optional().MaxLen(255),
	}
}

func (TenantInvoice) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("subscription", TenantSubscription.Type).Ref("invoices").Field("subscription_id").
			Unique().Required().Immutable(),
	}
}

func (TenantInvoice) Indexes() []ent.Index {
	return []ent.Index{index.Fields("subscription_id", "status")}
}

// Policy: the platform and the tenant's admins (see package access).
func (TenantInvoice) Policy() ent.Policy { return access.TenantInvoicePolicy() }
