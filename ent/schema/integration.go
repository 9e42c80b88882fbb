package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/billing"
)

// IntegrationEndpoint is another system a tenant connects: the events it subscribes to
// are delivered to its URL as signed webhooks, and it may push changes in, signed with
// the same secret. The secret is kept to sign with, and shown once, when it is made.
type IntegrationEndpoint struct{ ent.Schema }

func (IntegrationEndpoint) Mixin() []ent.Mixin {
	return []ent.Mixin{TimeMixin{}, TenantMixin{}, VersionMixin{}}
}

func (IntegrationEndpoint) Fields() []ent.Field {
	return []ent.Field{
		// store_id limits the endpoint to one store's events; null hears the whole tenant.
		field.Int("store_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		// vendor_id limits the endpoint to one vendor's events: a vendor's own integration.
		field.Int("vendor_id").Optional().Nillable().Immutable().Annotations(entgql.Type("ID")),
		field.String("url").NotEmpty().MaxLen(2048),
		field.String("description").Default("").MaxLen(500),
		// event_types are event types or patterns: "order.placed", "order.*", "*".
		field.Strings("event_types"),
		field.Bool("enabled").Default(true),
		// disabled_reason says why the platform disabled the endpoint (410, dead deliveries).
		field.String("disabled_reason").Optional().Nillable(),
		field.String("secret").Sensitive().NotEmpty(),
		// previous_secret still signs until previous_secret_expires_at: a rotation's
		// overlap, so a receiver can switch secrets without losing a delivery.
		field.String("previous_secret").Optional().Nillable().Sensitive(),
		field.Time("previous_secret_expires_at").Optional().Nillable(),
		// dead_streak counts the deliveries in a row that died (every attempt failed).
		field.Int("dead_streak").Default(0).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (IntegrationEndpoint) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("store", Store.Type).Field("store_id").Unique().Immutable(),
	}
}

func (IntegrationEndpoint) Indexes() []ent.Index {
	return []ent.Index{index.Fields("store_id")}
}

func (IntegrationEndpoint) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.QueryField("integrationEndpoints"), entgql.RelayConnection(),
		entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
	}
}

// Policy: tenant admins manage their tenant's endpoints; store managers read those
// limited to their stores (see package access).
func (IntegrationEndpoint) Policy() ent.Policy { return access.IntegrationEndpointPolicy() }

// Hooks hold IntegrationEndpoint's creation to the tenant's plan (package billing).
func (IntegrationEndpoint) Hooks() []ent.Hook {
	return []ent.Hook{billing.LimitHook(billing.IntegrationEndpoints)}
}
